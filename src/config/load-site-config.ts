// sites/<siteId>/site.yaml → a validated SiteConfig, or diagnostics.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { siteSchema, type SiteConfig } from '../schema/site-schema.ts';
import { siteConfigLinkProblem } from '../security/content-files.ts';
import { relativePath } from '../util/paths.ts';
import { siteFolderDiagnostics } from './discover-sites.ts';
import { parseYaml } from './parse-yaml.ts';
import { readSourceFile } from './read-source-file.ts';
import { createLocator, validateYaml, type FieldLocator } from './validate-yaml.ts';

export function siteConfigPath(root: string, siteId: string): string {
  return path.join(root, 'sites', siteId, 'site.yaml');
}

export interface LoadedSiteConfig {
  config?: SiteConfig;
  /** Project-relative path of site.yaml. */
  file: string;
  /** Line and column of a field of site.yaml, for rules that check the configuration. */
  locate: FieldLocator;
  diagnostics: Diagnostic[];
}

const nowhere: FieldLocator = () => ({ line: 1, column: 1 });

/**
 * The last result for each site.yaml, by its text: a build reads the platform's configurations
 * again after each site it publishes (the portal's search copies: platform-search.ts), and
 * parsing them with their locators was 0.1 s of a one-item edit's main thread at 1,000 items
 * (profiled 2026-12-03). Only a text read again unchanged is served from here.
 */
const parsedConfigs = new Map<string, { text: string; result: LoadedSiteConfig }>();

export async function loadSiteConfig(root: string, siteId: string): Promise<LoadedSiteConfig> {
  // FILE-05 / SEC-07: a folder that is not a proper site folder is reported, and nothing of it read.
  const folderProblems = siteFolderDiagnostics(root, siteId);
  if (folderProblems.length > 0) return { file: folderProblems[0]!.file, locate: nowhere, diagnostics: folderProblems };
  const absolute = siteConfigPath(root, siteId);
  const file = relativePath(root, absolute);
  const linked = siteConfigLinkProblem(root, siteId);
  if (linked) return { file, locate: nowhere, diagnostics: [linked] };
  if (!existsSync(absolute)) {
    return {
      file,
      locate: nowhere,
      diagnostics: [
        diagnostic({
          ruleId: 'FILE-05',
          file,
          message: `站点“${siteId}”没有配置文件 ${file}，无法构建`,
          fix: `新建 ${file}（可复制 sites/ 下已有站点的 site.yaml 修改），或者删除 content/${siteId}/ 目录`,
        }),
      ],
    };
  }
  const source = await readSourceFile(absolute, file);
  if (!source.ok) return { file, locate: nowhere, diagnostics: source.diagnostics };
  const parsedBefore = parsedConfigs.get(absolute);
  // A copy: a caller may change what it is given.
  if (parsedBefore?.text === source.text) return copyOf(parsedBefore.result);
  const yamlSource = { text: source.text, file, firstLine: 1 };
  const parsed = parseYaml(yamlSource);
  if (parsed.diagnostics.length > 0) return { file, locate: nowhere, diagnostics: parsed.diagnostics };
  const context = { source: yamlSource, ...parsed };
  const { data, diagnostics } = validateYaml(siteSchema, context);
  const result = { config: data, file, locate: createLocator(context), diagnostics };
  parsedConfigs.set(absolute, { text: source.text, result: copyOf(result) });
  return result;
}

/** The locator is shared: it only reads the parsed YAML. */
function copyOf(result: LoadedSiteConfig): LoadedSiteConfig {
  return { ...result, config: result.config && structuredClone(result.config), diagnostics: result.diagnostics.map((d) => ({ ...d })) };
}
