// Copies a folder of content files (a site's assets, an item's images and attachments) into the
// output. Not fs.cp: it stats every parent folder of its source and target, which the render's
// permission model (src/render/astro-process.ts) rightly does not allow outside the platform. A
// symbolic link is never followed or copied (SEC-07: the checks refuse them before a build; this
// is the second line).
import { copyFile, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

export async function copyTree(source: string, target: string): Promise<void> {
  const stats = await lstat(source);
  if (stats.isSymbolicLink()) throw new Error(`符号链接不会被发布：${path.basename(source)}`);
  if (stats.isFile()) {
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
    return;
  }
  if (!stats.isDirectory()) return;
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(source)) await copyTree(path.join(source, entry), path.join(target, entry));
}
