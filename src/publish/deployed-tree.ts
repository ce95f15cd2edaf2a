// PUB-02: reads a deployed copy of a site for `verify` without trusting it. The copy may have
// been tampered with, so:
// - no symbolic link is ever followed (a link to / would walk the whole server, a link to
//   /etc/passwd would read it): each link is listed, as tampering, and not opened;
// - only regular files are opened (a FIFO would block the read forever), with O_NOFOLLOW and
//   O_NONBLOCK, and checked again after opening (the entry may be swapped in between);
// - an entry that cannot be read (permissions, a device, a file gone meanwhile) is listed with
//   the reason and the walk goes on, so one bad entry cannot hide the others.
// Nothing of a file's content is ever returned or printed: only its hash.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../util/hash-files.ts';

export interface Unreadable {
  /** POSIX path relative to the copy's root; a folder ends in `/`. */
  file: string;
  reason: string;
}

export interface DeployedTree {
  /** Regular files: relative POSIX path → SHA-256. */
  files: Record<string, string>;
  /** Symbolic links, at any depth: never followed. */
  symlinks: string[];
  unreadable: Unreadable[];
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'ELOOP') return '是符号链接';
  if (code === 'ENOENT') return '读取时已不存在';
  if (code === 'EISDIR') return '是目录';
  return `读取出错（${code ?? '未知错误'}）`;
}

/** The SHA-256 of a regular file, opened without following a link and without blocking on a pipe. */
function hashRegularFile(file: string): { hash: string } | { reason: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return { reason: reasonOf(error) };
  }
  try {
    if (!fstatSync(fd).isFile()) return { reason: '不是普通文件，是设备、管道或套接字' };
    return { hash: sha256(readFileSync(fd)) };
  } catch (error) {
    return { reason: reasonOf(error) };
  } finally {
    closeSync(fd);
  }
}

export function readDeployedTree(root: string): DeployedTree {
  const tree: DeployedTree = { files: {}, symlinks: [], unreadable: [] };
  const folders = [''];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    let entries: Dirent[];
    try {
      // Dirent types come from the directory itself (lstat semantics): a link is a link.
      entries = readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch (error) {
      tree.unreadable.push({ file: `${folder || '.'}/`, reason: reasonOf(error) });
      continue;
    }
    for (const entry of entries) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) tree.symlinks.push(relative);
      else if (entry.isDirectory()) folders.push(relative);
      else if (!entry.isFile()) tree.unreadable.push({ file: relative, reason: '不是普通文件，是设备、管道或套接字' });
      else {
        const read = hashRegularFile(path.join(root, relative));
        if ('hash' in read) tree.files[relative] = read.hash;
        else tree.unreadable.push({ file: relative, reason: read.reason });
      }
    }
  }
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  tree.symlinks.sort(byCodeUnit);
  tree.unreadable.sort((a, b) => byCodeUnit(a.file, b.file));
  return tree;
}
