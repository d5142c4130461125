import "server-only";
import { isDatabaseUnavailable } from "./database-unavailable";

/**
 * Why a request could not be served by the database, in words a client may read:
 * "unavailable" (unreachable, connection lost, server shutting down, no free
 * connection) or "timeout" (a statement, lock wait or idle transaction ran past
 * its limit). Either way the request's transaction is gone, nothing of it was
 * stored, and retrying later may succeed: the API answers 503, not 500.
 */
export type DatabaseFailure = { kind: "unavailable" | "timeout"; reason: string };

const unavailable = (reason: string): DatabaseFailure => ({ kind: "unavailable", reason });
const timeout = (reason: string): DatabaseFailure => ({ kind: "timeout", reason });

const LOST = unavailable("the database connection was lost");

/** SQLSTATEs that say the server, not the request, is at fault. Class 08 (connection exception) is handled apart. */
const BY_SQLSTATE: Record<string, DatabaseFailure> = {
  "57014": timeout("a database statement ran past the statement timeout (ATLAS_DB_STATEMENT_TIMEOUT_MS)"),
  "55P03": timeout("a row or lock another request holds stayed taken past the lock timeout (ATLAS_DB_LOCK_TIMEOUT_MS)"),
  "25P03": timeout("a transaction sat idle past the idle-in-transaction timeout (ATLAS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS)"),
  "57P01": LOST,
  "57P02": LOST,
  "57P03": unavailable("the database server is starting up or shutting down"),
  "53300": unavailable("the database server has no free connections"),
};

/** Socket errors node-postgres passes through from net. */
const SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** Prisma's codes for the same conditions (its client wraps the adapter's errors in these). */
const BY_PRISMA_CODE: Record<string, DatabaseFailure> = {
  P1001: unavailable("the database server cannot be reached"),
  P1002: timeout("the database server did not answer in time"),
  P1008: timeout("a database operation timed out"),
  P1017: LOST,
  P2024: timeout("no database connection came free in time"),
};

/** What @prisma/adapter-pg reports in `meta.driverAdapterError.cause.kind`. */
const BY_ADAPTER_KIND: Record<string, DatabaseFailure> = {
  DatabaseNotReachable: unavailable("the database server cannot be reached"),
  ConnectionClosed: LOST,
  SocketTimeout: timeout("the database server stopped answering"),
  TooManyConnections: unavailable("the database server has no free connections"),
};

/**
 * Errors a pg client emitted when its connection broke (marked by lib/db/client.ts): the same object
 * rejects the query in flight. On globalThis, like the pool whose listeners mark them: every bundle of
 * the server must see the same set.
 */
const holder = globalThis as typeof globalThis & { __atlasLostConnections?: WeakSet<object> };
const lostConnections = (holder.__atlasLostConnections ??= new WeakSet<object>());

export function markConnectionLost(err: unknown): void {
  if (typeof err === "object" && err !== null) lostConnections.add(err);
}

type Inspectable = { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } } };

function byCode(code: unknown): DatabaseFailure | null {
  if (typeof code !== "string") return null;
  if (code in BY_SQLSTATE) return BY_SQLSTATE[code];
  if (code.startsWith("08")) return unavailable(`the database connection failed (SQLSTATE ${code})`);
  if (SOCKET.has(code)) return unavailable(`the database server cannot be reached (${code})`);
  return BY_PRISMA_CODE[code] ?? null;
}

/**
 * Classifies an error from pg, Prisma (including the adapter error it wraps) or
 * the pool by its class, SQLSTATE or error code, never by its message; follows
 * `cause`. Null when the database is not at fault (a bad request, a bug).
 */
export function toDatabaseFailure(err: unknown, depth = 0): DatabaseFailure | null {
  if (typeof err !== "object" || err === null || depth > 4) return null;
  if (isDatabaseUnavailable(err)) return unavailable(err.reason);
  const e = err as Inspectable;
  const adapter = e.meta?.driverAdapterError?.cause;
  const found =
    byCode(e.code) ??
    (adapter ? ((typeof adapter.kind === "string" ? BY_ADAPTER_KIND[adapter.kind] : undefined) ?? byCode(adapter.originalCode) ?? byCode(adapter.code)) : null);
  // a FATAL the server sent (57P01, 25P03) is also the error the connection broke with: its code says more
  return found ?? (lostConnections.has(err) ? LOST : toDatabaseFailure(e.cause, depth + 1));
}
