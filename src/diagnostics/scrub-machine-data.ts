// What a message printed to an editor or operator may show: never the build machine's environment
// or files. A message from another program (Astro, Vite, a compiler) can quote the source it
// failed on — a file of the machine, if content managed to name one — or carry a code frame,
// colours and paths.
//
// - hideMachineData: for a message printed whole (the dev server's --verbose): paths in the
//   project and the platform folder made relative, every other path of the machine and every
//   environment value that could be a secret hidden.
// - scrubMachineData: for a platform error, also reduced to a few plain lines: colours, code
//   frames and stack frames dropped, the length capped.
import { readdirSync } from 'node:fs';

const MAX_LINES = 8;
const MAX_LINE_LENGTH = 240;
const HIDDEN = '［已隐去］';
const MACHINE_FILE = '<本机文件>';

/** Values in the environment long enough to be secrets (tokens, keys, passwords, paths with names). */
function environmentValues(env: NodeJS.ProcessEnv, keep: (name: string) => boolean): string[] {
  return Object.entries(env)
    .filter(([name]) => !keep(name))
    .map(([, value]) => value)
    .filter((value): value is string => typeof value === 'string' && value.length >= 8 && !/^(?:true|false|\d+)$/i.test(value))
    .sort((a, b) => b.length - a.length);
}

/** The folders at the top of the machine's file system (and the usual ones of other systems). */
function topFolders(): string[] {
  let found: string[] = [];
  try {
    found = readdirSync('/');
  } catch {
    // none readable
  }
  const usual = ['root', 'home', 'Users', 'tmp', 'var', 'usr', 'etc', 'opt', 'private', 'Volumes', 'proc', 'srv', 'mnt'];
  return [...new Set([...usual, ...found])].filter((name) => /^[\w.-]+$/.test(name)).map((name) => name.replace(/\./g, '\\.'));
}

// An absolute path of the machine: under a folder at the top of its file system, not after a word,
// a scheme's colon or a hyphen (so not a URL path such as /news/a/, nor a host such as
// https://tmp.example.cn/). `../../etc/passwd` is one too: what it reaches is the machine's.
const MACHINE_PATH = new RegExp(`(?<![\\w:-])/(?:${topFolders().join('|')})(?=/|$|[\\s'"\`)\\]>,;:])[^\\s'"\`()[\\]<>,;:]*`, 'gm');

export interface HideOptions {
  /** Folders whose paths are shown relative (the platform folder, the project). */
  roots: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Environment variables that are no secret (govsite's own: the site id, the folders). */
  keepEnv?: (name: string) => boolean;
}

export function hideMachineData(text: string, { roots, env = process.env, keepEnv = () => false }: HideOptions): string {
  let out = text;
  for (const root of roots.filter(Boolean).toSorted((a, b) => b.length - a.length)) out = out.split(`file://${root}/`).join('').split(`${root}/`).join('');
  for (const value of environmentValues(env, keepEnv)) out = out.split(value).join(HIDDEN);
  return out.replace(MACHINE_PATH, MACHINE_FILE);
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
/** A code frame (`  12 | source`, `> 12 | source`, `    |   ^`) or a stack frame (`    at f (file:1:2)`). */
const QUOTED_SOURCE = /^\s*(?:>?\s*\d+\s*\||\|\s|at\s+\S|\^)/;

export function scrubMachineData(text: string, root: string, env: NodeJS.ProcessEnv = process.env): string {
  const lines = hideMachineData(text.replace(ANSI, ''), { roots: [root], env })
    .split('\n')
    .filter((line) => !QUOTED_SOURCE.test(line))
    .map((line) => (line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}…` : line))
    .filter((line) => line.trim() !== '');
  return lines.slice(0, MAX_LINES).join('\n') + (lines.length > MAX_LINES ? '\n…' : '');
}
