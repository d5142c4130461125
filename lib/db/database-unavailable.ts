import "server-only";

/** No database connection could be had: the server is unreachable, refused us, or did not answer in time. */
export class DatabaseUnavailableError extends Error {
  readonly reason: string;

  constructor(reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = "DatabaseUnavailableError";
    this.reason = reason;
  }
}
