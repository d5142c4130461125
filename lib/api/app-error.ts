/** An error whose status and message are safe to show to the client. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "AppError";
    this.status = status;
    this.code = code;
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);
