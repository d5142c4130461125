import "server-only";

/** SQLSTATEs meaning the server went away or refused us, not that the request was wrong. */
const SERVER_GONE = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Socket errors node-postgres passes through from net. */
const SOCKET = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * True when a database error means the connection dropped (or could not be made):
 * the request's transaction is gone, nothing of it was stored, and retrying later
 * may succeed, so the API answers 503 instead of 500.
 */
export function isConnectionLost(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return code.startsWith("08") || SERVER_GONE.has(code) || SOCKET.has(code);
}
