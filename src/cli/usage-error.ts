/** A mistake in how a command was called: printed as is, exit status 2. */
export class UsageError extends Error {}

export function fail(message: string): never {
  throw new UsageError(message);
}
