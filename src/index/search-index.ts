// The index step of a site's build (schema → load → check → render → index → publish): the
// site's own Pagefind bundle, and on the provincial portal the other sites' bundles for the
// platform-wide search. See docs/search.md.
import { indexSite, type IndexSiteOptions } from './index-site.ts';
import { addPlatformBundles } from './platform-search.ts';
import { loadSearchDictionary } from '../config/search-dictionary.ts';

export interface SearchIndexOptions {
  /** Folder holding sites/ and content/. */
  root: string;
  /** Folder receiving <siteId>/ output folders. */
  outRoot: string;
}

/**
 * Indexes the site built into `stagingDir`. Returns an error message when the site must not be
 * published (its previous output then stays), else undefined.
 */
export async function buildSearchIndex(
  siteId: string,
  stagingDir: string,
  options: SearchIndexOptions,
  index: Pick<IndexSiteOptions, 'inProgress' | 'parts' | 'reuse'> = {},
): Promise<string | undefined> {
  try {
    // The platform's own dictionary (a --root folder's data/) when it has one (SRCH-05).
    const { errors } = await indexSite(stagingDir, { ...index, dictionary: loadSearchDictionary(options.root) });
    if (errors.length) return `搜索索引构建失败：\n  ${errors.join('\n  ')}`;
    await addPlatformBundles(siteId, stagingDir, options.root, options.outRoot);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    // The Pagefind program comes as an npm optional package for this platform (@pagefind/<os>-<cpu>).
    const hint = /backend closed|Failed to install/i.test(message) ? '（Pagefind 索引程序无法运行：请运行 npm ci 重新安装依赖）' : '';
    return `搜索索引构建失败：${message}${hint}`;
  }
}
