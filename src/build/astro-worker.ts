// Runs one Astro build in its own process, so sites build in parallel and a crash in one site
// cannot take the others down. The site, content root and output folder come from the env.
import { build } from 'astro';
import { astroRootOptions } from './astro-root.ts';

interface AstroLikeError {
  message?: string;
  title?: string;
  loc?: { file?: string; line?: number; column?: number };
  id?: string;
}

try {
  await build({ ...astroRootOptions(process.env.GOVSITE_CONTENT_ROOT!, process.env.GOVSITE_SITE!), logLevel: process.env.GOVSITE_ASTRO_LOG === 'info' ? 'info' : 'error' }, { teardownCompiler: true });
  process.exit(0);
} catch (error) {
  const e = error as AstroLikeError;
  // One line the parent parses into a diagnostic; the rest of stderr is for developers.
  process.stderr.write(`\nGOVSITE_BUILD_ERROR ${JSON.stringify({ message: e.message ?? String(error), title: e.title, file: e.loc?.file ?? e.id, line: e.loc?.line, column: e.loc?.column })}\n`);
  process.exit(1);
}
