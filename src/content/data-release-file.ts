// The data file of a data release (CONT-15), read from the item's folder the way every content
// file is: by a checked relative name, nothing followed through a symbolic link (SEC-01/SEC-07
// refuse those, remark-local-files.ts), within a size a page can show as a table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataRelease } from '../schema/data-release.ts';
import { lstatInside, parseReference } from '../security/content-paths.ts';
import { formatOf, readDataTable, type DataProblem, type DataTable } from './data-table.ts';

/** A larger file is a data set for download, not a table on a page: 数据开放 publishes it as a plain attachment. */
export const DATA_FILE_MAX_BYTES = 2 * 1024 * 1024;

export type DataFileResult =
  /** The name leaves the folder or meets a link: SEC-01/SEC-07's to report, not read here. */
  | { state: 'refused' }
  | { state: 'missing' }
  | { state: 'too-large'; bytes: number }
  | { state: 'read'; table: DataTable; problems: DataProblem[]; bytes: number };

/** Reads `release.file` from the folder of a folder item (`itemDir`) and checks it against the columns. */
export function readDataRelease(itemDir: string, release: DataRelease): DataFileResult {
  const parsed = parseReference(release.file);
  if (parsed.kind !== 'file') return { state: 'refused' };
  const found = lstatInside(itemDir, parsed.path);
  if (found.state === 'symlink') return { state: 'refused' };
  if (found.state !== 'file') return { state: 'missing' };
  if (found.stats.size > DATA_FILE_MAX_BYTES) return { state: 'too-large', bytes: found.stats.size };
  const format = formatOf(parsed.path);
  if (!format) return { state: 'refused' };
  const bytes = readFileSync(path.join(itemDir, parsed.path));
  return { state: 'read', bytes: bytes.length, ...readDataTable(bytes, format, release.columns) };
}
