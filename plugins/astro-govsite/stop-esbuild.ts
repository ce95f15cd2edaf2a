// The render process may start one program: esbuild's service, which Astro's import.meta.env
// plugin uses while Vite bundles (src/render/render-sandbox.ts). esbuild is a native program that
// Node's permission model does not bind, so code that ran in the process could ask the service to
// read or write any file. The service is stopped once the bundles are built, before any page is
// rendered (the only time code from content could ever run); the guard then refuses to start it
// again. Vite runs `buildApp` hooks ordered `post` after the environments are built, in plugin
// order, and Astro's own page generation is a `post` hook added after the configured plugins.
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** The esbuild module Astro itself loads (its dependency, resolved from its package). */
function astrosEsbuild(): { stop(): void | Promise<void> } {
  const fromAstro = createRequire(createRequire(import.meta.url).resolve('astro/package.json'));
  return fromAstro('esbuild') as { stop(): void | Promise<void> };
}

export function stopEsbuildBeforePages(): Plugin {
  return {
    name: 'govsite:stop-esbuild-before-pages',
    buildApp: {
      order: 'post',
      async handler() {
        await astrosEsbuild().stop();
      },
    },
  };
}
