// Runs one Astro build in its own process, so sites build in parallel and a crash in one site
// cannot take the others down. The site, content root and output folder come from the env.
import { build } from 'astro';
import { astroRootOptions } from './astro-root.ts';

interface AstroLikeError {
  message?: string;
  title?: string;
  loc?: { file?: string; line?: number; column?: number };
  id?: string;
  /** A bundler's failure of several modules (Rolldown) carries each module's own error here. */
  errors?: AstroLikeError[];
}

/** The module a failure points at: Astro's location, else the bundler's first module error's, else the one its message names. */
function failedModule(e: AstroLikeError): { file?: string; line?: number; column?: number } {
  const first = e.errors?.[0];
  const file = e.loc?.file ?? e.id ?? first?.loc?.file ?? first?.id ?? /\[plugin [^\]]+\] (\/\S+?\.mdx)\b/.exec(e.message ?? '')?.[1];
  return { file, line: e.loc?.line ?? first?.loc?.line, column: e.loc?.column ?? first?.loc?.column };
}

async function buildSite(): Promise<never> {
  const inline = { ...astroRootOptions(process.env.GOVSITE_CONTENT_ROOT!, process.env.GOVSITE_SITE!), logLevel: process.env.GOVSITE_ASTRO_LOG === 'info' ? ('info' as const) : ('error' as const) };
  try {
    await build(inline);
    process.exit(0);
  } catch (error) {
    const e = error as AstroLikeError;
    // One line the parent parses into a diagnostic; the rest of stderr is for developers.
    process.stderr.write(`\nGOVSITE_BUILD_ERROR ${JSON.stringify({ message: e.message ?? String(error), title: e.title, ...failedModule(e) })}\n`);
    process.exit(1);
  }
}

await buildSite();
