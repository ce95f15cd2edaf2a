// Runs one Astro build in its own process, so sites build in parallel and a crash in one site
// cannot take the others down. The site, content root and output folder come from the env: at
// the start, or, for a process started ahead of its site (astro-process.ts), in one message
// once Astro's modules are loaded.
import { astroRootOptions } from './astro-root.ts';
import { warmAstroModules, type AstroWarmedMessage } from './astro-ahead-modules.ts';
import { keepCompiledPagesOnGenerate } from './astro-generate-hook.ts';
import { COMPILED_PAGES_FAILED } from './compiled-pages.ts';

// Before Astro's modules are resolved (hence Astro imported here, not above).
keepCompiledPagesOnGenerate();
const { build } = await import('astro');

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

/** What a process started ahead is told when its site is known. */
export interface AstroSiteMessage {
  cwd: string;
  env: Record<string, string>;
}

async function buildSite(): Promise<never> {
  const inline = { ...astroRootOptions(process.env.GOVSITE_CONTENT_ROOT!, process.env.GOVSITE_SITE!), logLevel: process.env.GOVSITE_ASTRO_LOG === 'info' ? ('info' as const) : ('error' as const) };
  const compiled = process.env.GOVSITE_COMPILED_PAGES;
  if (compiled) {
    try {
      const { renderCompiledPages } = await import('./render-compiled-pages.ts');
      await renderCompiledPages(inline, compiled);
      process.exit(0);
    } catch (error) {
      process.stderr.write(`\nGOVSITE_COMPILED_PAGES_FAILED ${String((error as Error).stack ?? error)}\n`);
      process.exit(COMPILED_PAGES_FAILED);
    }
  }
  try {
    await build(inline, { teardownCompiler: true });
    process.exit(0);
  } catch (error) {
    const e = error as AstroLikeError;
    // One line the parent parses into a diagnostic; the rest of stderr is for developers.
    process.stderr.write(`\nGOVSITE_BUILD_ERROR ${JSON.stringify({ message: e.message ?? String(error), title: e.title, ...failedModule(e) })}\n`);
    process.exit(1);
  }
}

if (process.env.GOVSITE_ASTRO_AHEAD) {
  // A parent that goes away before it has a site for this process leaves it nothing to do.
  const orphaned = () => process.exit(0);
  process.once('disconnect', orphaned);
  const warmed = warmAstroModules().then((modules) => {
    process.send?.({ warmed: modules } satisfies AstroWarmedMessage);
  });
  process.once('message', async (message: AstroSiteMessage) => {
    process.off('disconnect', orphaned);
    await warmed;
    process.chdir(message.cwd);
    Object.assign(process.env, message.env);
    // The channel is not needed any more, and would keep the process alive after the build.
    process.disconnect?.();
    void buildSite();
  });
} else {
  await buildSite();
}
