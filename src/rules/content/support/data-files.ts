// The platform-maintained data files of the content rules (data/*.yaml): ad phrases and hosts,
// wrong forms of official names, sensitive words, iframe hosts. A platform folder given with
// `--root` may carry its own data/<name>.yaml, which then replaces the repository's file of
// that name; otherwise the repository's data/ is used. Files are re-read when they change.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { projectRoot } from '../../../util/paths.ts';
import { loadDataFileAt } from '../../../config/data-file.ts';

/** The platform folder of a content file: its absolute path minus its project-relative one. */
export function platformRoot(absoluteFile: string, file: string): string | undefined {
  const absolute = absoluteFile.split(path.sep).join('/');
  return absolute.endsWith(`/${file}`) ? path.resolve(absolute.slice(0, -file.length - 1)) : undefined;
}

function rootOf(file: VFile | undefined): string | undefined {
  const context = file?.data.govsite;
  return context?.absoluteFile && context.file ? platformRoot(context.absoluteFile, context.file) : undefined;
}

/** data/<name> of the platform at `root` if it has its own, else the repository's. */
function dataFileIn(root: string | undefined, name: string): string {
  const own = root && path.join(root, 'data', name);
  return own && existsSync(own) ? own : path.join(projectRoot, 'data', name);
}

/** Path of data/<name> for this item: the platform's own copy if it has one, else the repository's. */
export function dataFilePath(file: VFile | undefined, name: string): string {
  return dataFileIn(rootOf(file), name);
}

/** loadDataFile for code that knows the platform folder rather than an item (the MDX compile). */
export function loadPlatformDataFile<S extends z.ZodType>(root: string, name: string, schema: S): z.output<S> {
  return loadDataFileAt(dataFileIn(root, name), name, schema);
}

/** Reads and validates a data file; a broken file is the platform maintainer's to fix, so it throws with the reason. */
export function loadDataFile<S extends z.ZodType>(file: VFile | undefined, name: string, schema: S): z.output<S> {
  return loadDataFileAt(dataFilePath(file, name), name, schema);
}
