// The attributes a body's HTML elements may not carry (CONT-16): one list for the checker
// (src/rules/content/remark-mdx-allowlist.ts) and the compile (plugins/mdx-data-only.ts). Beside
// event handlers and style, these speak to the page itself: `data-*` (Pagefind reads
// data-pagefind-* to file a page under another site or title), `id`, `name` and `form` (the
// templates' scripts find their elements by id: a body element with the same id takes its place),
// `class` (the site's styles would dress a body's text as an official notice), focus and editing
// attributes, and Astro's directives.
export const FORBIDDEN_ATTRIBUTE =
  /^(?:on.*|style|srcdoc|dangerouslySetInnerHTML|formaction|is|slot|set:.*|class:list|define:vars|data-.*|id|name|form|class|classname|tabindex|autofocus|contenteditable|popover.*|accesskey)$/i;
