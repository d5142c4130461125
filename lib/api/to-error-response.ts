import { ZodError } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { ApiError } from "@/lib/schemas/api-error";
import { ClientAbortedError } from "@/lib/errors/client-aborted";
import { toDatabaseFailure } from "@/lib/errors/to-database-failure";

/** Where a ZodError came from: a bad query or path parameter is the caller's 400, a bad body a 422. */
export type ErrorOrigin = "query" | "params" | "body" | "handler";

function json(status: number, body: ApiError, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/**
 * The one error mapper for route handlers. Never matches on message text:
 * ZodError -> 400/422 naming the field, AppError -> its status, Postgres unique
 * violation -> 409, an unreachable database, a lost connection or a database
 * timeout -> 503 saying which (and that the request was rolled back), a client
 * that went away before the commit -> a logged 499 (rolled back), anything
 * else -> a logged, generic 500.
 */
export function toErrorResponse(err: unknown, origin: ErrorOrigin): Response {
  if (err instanceof ZodError && origin !== "handler") {
    const issue = err.issues[0];
    const field = issue.path.join(".") || "(root)";
    const status = origin === "body" ? 422 : 400;
    return json(status, { error: { code: "invalid_" + origin, message: `${field}: ${issue.message}`, field } });
  }
  if (err instanceof AppError) {
    return json(err.status, { error: { code: err.code, message: err.message } }, err.headers);
  }
  if (err instanceof ClientAbortedError) {
    // nobody reads this answer; the log says what happened (not a lost database connection)
    console.warn("client aborted: the request was rolled back before its commit");
    return json(499, { error: { code: "client_aborted", message: err.message } });
  }
  const pgCode = (err as { code?: unknown } | null)?.code;
  if (pgCode === "23505" || pgCode === "P2002") {
    return json(409, { error: { code: "conflict", message: "that record already exists" } });
  }
  const failure = toDatabaseFailure(err);
  if (failure) {
    console.error(`database ${failure.kind}: ${failure.reason}:`, (err as Error).message);
    const code = failure.kind === "timeout" ? "database_timeout" : "database_unavailable";
    return json(503, { error: { code, message: `${failure.reason}; the request was rolled back, try again` } }, { "retry-after": "5" });
  }
  console.error("unhandled route error:", err);
  return json(500, { error: { code: "internal", message: "internal server error" } });
}
