// The platform-maintained data files (data/*.yaml): read, validated against their zod schema, and
// re-read when they change. A broken file is the platform maintainer's to fix, not an editor's:
// it throws, naming the file by its data/ name only (never the machine's folders).
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

const cache = new Map<string, { mtimeMs: number; value: unknown }>();

/** Reads `location` (the file named data/<name>) and validates it with `schema`; throws with the reason. */
export function loadDataFileAt<S extends z.ZodType>(location: string, name: string, schema: S): z.output<S> {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(location).mtimeMs;
  } catch {
    throw new Error(`平台数据文件 data/${name} 不存在：请从代码仓库恢复它`);
  }
  const cached = cache.get(location);
  if (cached && cached.mtimeMs === mtimeMs) return cached.value as z.output<S>;
  let raw: unknown;
  try {
    raw = parse(readFileSync(location, 'utf8'));
  } catch (error) {
    throw new Error(`平台数据文件 data/${name} 不是合法的 YAML：${(error as Error).message}`);
  }
  const result = schema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`).join('；');
    throw new Error(`平台数据文件 data/${name} 的内容不符合格式：${issues}`);
  }
  cache.set(location, { mtimeMs, value: result.data });
  return result.data;
}
