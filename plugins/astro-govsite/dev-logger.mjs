// The logger of `npm run dev` (Astro's Logger API, https://docs.astro.build/en/reference/logger-reference/):
// Astro imports this entrypoint, which must be JavaScript, and calls its default export with the
// serializable `config` the dev command gives (src/cli/commands.ts). What each message becomes is
// decided in dev-log.ts.
import { devLogOutput } from './dev-log.ts';

/** @param {import('./dev-log.ts').DevLogOptions} options */
export default function govsiteDevLogger(options) {
  return {
    /** @param {import('astro').AstroLoggerMessage} message */
    write(message) {
      const output = devLogOutput(message, options);
      if (output) process[output.stream].write(`${output.text}\n`);
    },
  };
}
