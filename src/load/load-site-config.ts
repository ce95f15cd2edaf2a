// sites/<siteId>/site.yaml → a validated SiteConfig, or diagnostics.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { siteSchema, type SiteConfig } from '../schema/site-schema.ts';
import { relativePath } from '../util/paths.ts';
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

export async function loadSiteConfig(root: string, siteId: string): Promise<LoadedSiteConfig> {
  const absolute = siteConfigPath(root, siteId);
  const file = relativePath(root, absolute);
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
  const yamlSource = { text: source.text, file, firstLine: 1 };
  const parsed = parseYaml(yamlSource);
  if (parsed.diagnostics.length > 0) return { file, locate: nowhere, diagnostics: parsed.diagnostics };
  const context = { source: yamlSource, ...parsed };
  const { data, diagnostics } = validateYaml(siteSchema, context);
  return { config: data, file, locate: createLocator(context), diagnostics };
}
