import "server-only";

/** The client closed the connection before the commit: the transaction was rolled back, nothing of the request stored. */
export class ClientAbortedError extends Error {
  constructor() {
    super("the client closed the connection before the commit; the transaction was rolled back");
    this.name = "ClientAbortedError";
  }
}
