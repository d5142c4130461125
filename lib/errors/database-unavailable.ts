import "server-only";

// A registered symbol, not `instanceof`: the pool is shared through globalThis by every bundle of the
// server (instrumentation.ts opens it in its own copy of this module), so the class an error was made
// with may not be the one the route's error mapper imported.
const BRAND = Symbol.for("emergence-atlas.database-unavailable");

/** No database connection could be had: the server is unreachable, refused us, or did not answer in time. */
export class DatabaseUnavailableError extends Error {
  readonly reason: string;
  readonly [BRAND] = true;

  constructor(reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = "DatabaseUnavailableError";
    this.reason = reason;
  }
}

export function isDatabaseUnavailable(err: object): err is DatabaseUnavailableError {
  return (err as { [BRAND]?: unknown })[BRAND] === true;
}
