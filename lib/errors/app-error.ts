/** An error whose status and message are safe to show to the client. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  /** extra response headers, e.g. Retry-After on 429 / 503, WWW-Authenticate on 401 */
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);
