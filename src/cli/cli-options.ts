// The command line's options, shared by the entry (main.ts), which only needs the command's name,
// and the commands (commands.ts), which parse them strictly.
import type { ParseArgsConfig } from 'node:util';

export const CLI_OPTIONS = {
  site: { type: 'string', multiple: true },
  files: { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  force: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  changed: { type: 'string' },
  root: { type: 'string' },
  out: { type: 'string' },
  now: { type: 'string' },
  jobs: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  verbose: { type: 'boolean' },
  against: { type: 'string' },
  'skip-build': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;
