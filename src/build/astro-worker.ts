// Runs one Astro build in its own process, so sites build in parallel and a crash in one site
// cannot take the others down. The site, content root and output folder come from the env: at
// the start, or, for a process started ahead of its site (astro-process.ts), in one message
// once Astro's modules are loaded.
import { build } from 'astro';
import { astroRootOptions } from './astro-root.ts';
import { warmAstroModules, type AstroWarmedMessage } from './astro-ahead-modules.ts';

interface AstroLikeError {
  message?: string;
  title?: string;
  loc?: { file?: string; line?: number; column?: number };
  id?: string;
}

/** What a process started ahead is told when its site is known. */
export interface AstroSiteMessage {
  cwd: string;
  env: Record<string, string>;
}

async function buildSite(): Promise<never> {
  try {
    await build({ ...astroRootOptions(process.env.GOVSITE_CONTENT_ROOT!, process.env.GOVSITE_SITE!), logLevel: process.env.GOVSITE_ASTRO_LOG === 'info' ? 'info' : 'error' }, { teardownCompiler: true });
    process.exit(0);
  } catch (error) {
    const e = error as AstroLikeError;
    // One line the parent parses into a diagnostic; the rest of stderr is for developers.
    process.stderr.write(`\nGOVSITE_BUILD_ERROR ${JSON.stringify({ message: e.message ?? String(error), title: e.title, file: e.loc?.file ?? e.id, line: e.loc?.line, column: e.loc?.column })}\n`);
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
