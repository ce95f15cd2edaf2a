// Behaviour of components/ArticleTools.astro (LAY-03). Plain JavaScript, copied as is into _astro/.
//
// A classic script, not a module, loaded with a plain <script src> right after the tools and
// before the article body, so it runs while the page is still being parsed:
// - the saved font size is set on <html> before the body text exists, so it is painted in the
//   chosen size from the start, with no flash and no inline script (which the CSP will forbid);
// - each control is revealed in the same step that makes it work: if this file fails to load or
//   to parse (an old browser), the controls stay hidden instead of becoming dead buttons.
// The cost is one small, cached request that holds back parsing of the body on a first visit.
(() => {
  const KEY = 'govsite.articleFontSize';
  const html = document.documentElement;

  const setSize = (/** @type {string | null | undefined} */ size) => {
    // "medium" is the stylesheet's default, so it needs no attribute.
    if (size === 'large' || size === 'small') html.dataset.articleFont = size;
    else delete html.dataset.articleFont;
  };
  try {
    setSize(localStorage.getItem(KEY));
  } catch {
    // Storage blocked (privacy settings): the default size, and the choice lasts for this page.
  }

  /** @type {HTMLElement | null | undefined} */
  const tools = document.currentScript?.closest('.article-tools');
  if (!tools) return;
  const reveal = (/** @type {HTMLElement} */ element) => { element.hidden = false; };
  const status = /** @type {HTMLElement} */ (tools.querySelector('.article-tools__status'));
  const announce = (/** @type {string} */ message) => {
    // Emptying the live region first makes screen readers announce a repeated message again.
    status.textContent = '';
    setTimeout(() => { status.textContent = message; }, 100);
  };

  /** @type {NodeListOf<HTMLElement>} */
  const sizeButtons = tools.querySelectorAll('[data-font-size]');
  const showPressed = () => {
    const current = html.dataset.articleFont ?? 'medium';
    for (const button of sizeButtons) button.setAttribute('aria-pressed', String(button.dataset.fontSize === current));
  };
  for (const button of sizeButtons) {
    button.addEventListener('click', () => {
      setSize(button.dataset.fontSize);
      showPressed();
      try {
        localStorage.setItem(KEY, /** @type {string} */ (button.dataset.fontSize));
      } catch {
        // Not persisted; the size still applies to this page.
      }
    });
  }
  showPressed();
  // The accessibility toolbar's reset (scripts/a11y-toolbar.js) clears this size with its own.
  document.addEventListener('govsite:a11y-reset', showPressed);
  reveal(/** @type {HTMLElement} */ (tools.querySelector('.article-tools__font')));

  // Some embedded browsers (in-app web views) have no print function: offer no print button there.
  const printButton = /** @type {HTMLElement} */ (tools.querySelector('[data-tool="print"]'));
  if (typeof window.print === 'function') {
    printButton.addEventListener('click', () => window.print());
    reveal(printButton);
  } else {
    // Removed, not left hidden: a hidden control keeps its room while scripts run (article-tools.css).
    printButton.remove();
  }

  const copyButton = /** @type {HTMLElement} */ (tools.querySelector('[data-tool="copy"]'));
  const qr = /** @type {HTMLDetailsElement} */ (tools.querySelector('.article-tools__qr'));
  const field = /** @type {HTMLInputElement} */ (tools.querySelector('.article-tools__url'));
  // Without the Clipboard API (plain http, older browsers) or when it is refused: open the panel
  // with the URL field, select the URL and try the old copy command; if that fails too, the URL
  // is selected and the reader is told how to copy it.
  const copyBySelection = () => {
    qr.open = true;
    field.focus();
    field.select();
    let copied;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    announce(copied ? '链接已复制' : '已选中本页网址，请按 Ctrl+C（苹果电脑按 ⌘+C）复制');
  };
  copyButton.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(/** @type {string} */ (tools.dataset.url));
      announce('链接已复制');
    } catch {
      copyBySelection();
    }
  });
  reveal(copyButton);
})();
