// What a platform error may show: never the build machine's environment or files. A message
// from another program (Astro, Vite, a compiler) can quote the source it failed on — a file of
// the machine, if content managed to name one — or carry a code frame, colours and paths. It is
// reduced here to a few plain lines: ANSI colours removed, code frames and stack frames dropped,
// the value of every environment variable that could be a secret replaced, absolute paths
// outside the platform folder shortened, and the length capped.
const MAX_LINES = 8;
const MAX_LINE_LENGTH = 240;
const HIDDEN = '［已隐去］';

/** Values in the environment long enough to be secrets (tokens, keys, passwords, paths with names). */
function environmentValues(env: NodeJS.ProcessEnv): string[] {
  return Object.values(env)
    .filter((value): value is string => typeof value === 'string' && value.length >= 8 && !/^(?:true|false|\d+)$/i.test(value))
    .sort((a, b) => b.length - a.length);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
/** A code frame (`  12 | source`, `> 12 | source`, `    |   ^`) or a stack frame (`    at f (file:1:2)`). */
const QUOTED_SOURCE = /^\s*(?:>?\s*\d+\s*\||\|\s|at\s+\S|\^)/;

export function scrubMachineData(text: string, root: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text.replace(ANSI, '');
  for (const value of environmentValues(env)) out = out.split(value).join(HIDDEN);
  const lines = out
    .split('\n')
    .filter((line) => !QUOTED_SOURCE.test(line))
    .map((line) => line.split(`${root}/`).join(''))
    // Any other absolute path is a file of the machine: its name is not the reader's business.
    .map((line) => line.replace(/(?<![\w@+-])(?:\/[\w.@+-]+){2,}/g, (found) => (found.startsWith('/content/') || found.startsWith('/sites/') ? found : '<本机文件>')))
    .map((line) => (line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}…` : line))
    .filter((line) => line.trim() !== '');
  return lines.slice(0, MAX_LINES).join('\n') + (lines.length > MAX_LINES ? '\n…' : '');
}
