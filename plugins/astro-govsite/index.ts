// The govsite Astro integration: thin on purpose. It loads and validates one site, hands the
// templates its data through a virtual module, and puts the site's and items' files in place.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { checkedBodiesPlugin } from './checked-body.ts';
import { changedFiles, contentSignature } from './content-signature.ts';
import { errorLine, reloadReport } from './dev-log.ts';
import { IMAGE_SERVICE_FILE, IMAGE_SERVICE_ID, imageServiceConfig } from './listed-animations.ts';
import { copySiteFiles, serveSiteFiles } from './site-files.ts';
import { writeSitemapXml } from '../../src/render/sitemap-xml.ts';
import { toSiteData, type SiteData } from '../../src/render/site-data.ts';
import { identityPattern } from './identity-pattern.ts';

export interface GovsiteOptions {
  siteId: string;
  /** Folder holding sites/ and content/. */
  contentRoot: string;
  /** Build time, `YYYY-MM-DD HH:MM` China time. */
  now: string;
  /** JSON of SiteData prepared by the build CLI; absent in dev, where the site is loaded here. */
  dataFile?: string;
}

const VIRTUAL_ID = 'virtual:govsite/site';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
// The site's colours as a stylesheet, bundled with the others: the CSP allows no inline style
// (src/publish/security-headers.ts), so they cannot sit in a style attribute.
const THEME_ID = 'virtual:govsite/theme.css';
const RESOLVED_THEME_ID = `\0${THEME_ID}`;

export function themeCss(config: SiteData['config']): string {
  const { primary, secondary, accent } = config.colors;
  return `:root{--color-primary:${primary};--color-secondary:${secondary ?? primary};--color-accent:${accent ?? primary};--identity-pattern:${identityPattern(config)}}\n`;
}

/**
 * The module the templates import the site data from. In a build it reads the data file the
 * build CLI wrote when the pages are rendered, in Astro's process, which the file outlives: as
 * a literal, the data of a site of 10,000 items (megabytes) was a module Vite and Rolldown
 * parsed, transformed and bundled on every build, about a second of a one-item edit's render.
 * The dev server, which has no such file, gets the literal.
 */
export function siteDataModule(data: SiteData, dataFile: string | undefined): string {
  if (!dataFile) return `export default ${JSON.stringify(data)};`;
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(dataFile)}, 'utf8'));\n`;
}

/** The dev server's load of the site: its data if it has no error, and every finding. */
async function loadDevSite(options: GovsiteOptions): Promise<{ data?: SiteData; diagnostics: Diagnostic[] }> {
  // Imported only here (see referenced-files.ts: Vite runs this configuration).
  const { loadSite } = await import('../../src/rules/load-site.ts');
  const loaded = await loadSite(options.contentRoot, options.siteId);
  return { data: loaded.model ? toSiteData(loaded.model, options.now) : undefined, diagnostics: loaded.diagnostics };
}

async function loadSiteData(options: GovsiteOptions): Promise<SiteData> {
  // The build CLI has already loaded and checked the whole platform: it hands over the result.
  if (options.dataFile) return JSON.parse(await readFile(options.dataFile, 'utf8')) as SiteData;
  // The dev server loads the site itself.
  const { data, diagnostics } = await loadDevSite(options);
  if (!data) throw new Error(`站点 ${options.siteId} 的内容有错误，无法构建：\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return data;
}

/** HH:MM:SS of the machine's clock, before each change the dev server reports. */
function clockTime(): string {
  return new Date().toTimeString().slice(0, 8);
}

export default function govsite(options: GovsiteOptions): AstroIntegration {
  let data: SiteData;
  return {
    name: 'govsite',
    hooks: {
      'astro:config:setup': async ({ updateConfig, command }) => {
        data = await loadSiteData(options);
        // A build compiles only bodies the checks read (their hashes); the dev server re-loads as files change.
        const checkedHashes = options.dataFile ? new Map(data.items.map((item) => [item.file, item.bodyHash])) : undefined;
        updateConfig({
          site: `https://${data.config.domain}`,
          // Animated body images are published still unless listed (LAY-07, image-service.ts).
          image: { service: { entrypoint: IMAGE_SERVICE_ID, config: await imageServiceConfig(options.contentRoot, data.items) } },
          vite: {
            plugins: [
              checkedBodiesPlugin(options.contentRoot, () => checkedHashes),
              {
                name: 'govsite:site-data',
                resolveId: (id: string) =>
                  id === VIRTUAL_ID ? RESOLVED_ID : id === THEME_ID ? RESOLVED_THEME_ID : id === IMAGE_SERVICE_ID ? IMAGE_SERVICE_FILE : undefined,
                load: (id: string) =>
                  id === RESOLVED_ID ? siteDataModule(data, options.dataFile) : id === RESOLVED_THEME_ID ? themeCss(data.config) : undefined,
              },
            ],
            // The dev server's browser code needs no dependency pre-bundling: the templates' scripts
            // import no package. Vite's discovery would scan every .astro file for <script> tags with
            // a regular expression that also takes `<script>` written in a frontmatter comment, and
            // logs "Failed to run dependency scan" with every template's path on a cold start
            // (withastro/astro#18068). noDiscovery turns the scan off; what Astro lists in
            // optimizeDeps.include is still pre-bundled (https://vite.dev/config/dep-optimization-options).
            ...(command === 'dev' ? { optimizeDeps: { noDiscovery: true } } : {}),
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        const sourceDirs = [`${options.contentRoot}/content/${options.siteId}`, `${options.contentRoot}/sites/${options.siteId}`];
        let signature = contentSignature(sourceDirs);
        const reloadNow = async (): Promise<boolean> => {
          const now = contentSignature(sourceDirs);
          if (now === signature) return false;
          const changed = changedFiles(signature, now).map((file) => path.relative(options.contentRoot, file).split(path.sep).join('/'));
          signature = now;
          try {
            const loaded = await loadDevSite(options);
            // The editor's own lines (dev-log.ts prints the govsite logger's messages as they are).
            for (const line of reloadReport(changed, loaded.diagnostics, clockTime())) logger[line.level](line.text);
            if (loaded.data) {
              data = loaded.data;
              for (const id of [RESOLVED_ID, RESOLVED_THEME_ID]) {
                const module = server.moduleGraph.getModuleById(id);
                if (module) server.moduleGraph.invalidateModule(module);
              }
            }
          } catch (error) {
            // A fault of the platform, not of the content: one line, without the machine's paths.
            const message = errorLine((error as Error).message, { siteId: options.siteId, projectRoot, contentRoot: options.contentRoot });
            logger.error(`读取内容时出错（不是内容问题，请联系平台技术人员）：${message}`);
          }
          return true;
        };
        // One reload at a time: a page request that comes while the watcher's reload runs waits
        // for its data instead of being served the old.
        let reloading: Promise<boolean> = Promise.resolve(false);
        const reload = (): Promise<boolean> => (reloading = reloading.then(reloadNow, reloadNow));
        // Pages read the site data on request: check for changed sources first.
        server.middlewares.use((req, _res, next) => {
          const url = req.url ?? '';
          if (req.method === 'GET' && (url.endsWith('/') || !/\.[a-z0-9]+(\?|$)/i.test(url))) {
            reload().then(() => next(), next);
          } else {
            next();
          }
        });
        server.middlewares.use(serveSiteFiles(options, () => data));
        // And push a reload to open browsers when a source changes.
        server.watcher.add(sourceDirs);
        const onChange = async (file: string) => {
          if (/\.(mdx|ya?ml)$/.test(file) && (await reload())) server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
      'astro:build:done': async ({ dir }) => {
        await copySiteFiles(options, data, dir);
        await writeSitemapXml(data, dir);
      },
    },
  };
}
