import "server-only";
import type pg from "pg";
import type { readEnv } from "@/lib/env.js";

type Env = Pick<
  ReturnType<typeof readEnv>,
  "ATLAS_DATABASE_KIND" | "ATLAS_DB_STATEMENT_TIMEOUT_MS" | "ATLAS_DB_LOCK_TIMEOUT_MS" | "ATLAS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS"
>;

/**
 * The pool for this process. The embedded PGlite is one session shared by every
 * socket: pglite-socket interleaves the extended-protocol messages of concurrent
 * connections outside transactions (seen as "unnamed prepared statement does not
 * exist"), so a process talks to it over one connection. Postgres gets the
 * statement, lock and idle-in-transaction timeouts as session settings in the
 * start-up packet (so `SET LOCAL ... TO DEFAULT` returns to them); PGlite, one
 * backend without timers, ignores them, and one of them can wedge it, so they are
 * not sent there. Waiting for a pooled connection is not bounded here: every
 * holder is bounded by these timeouts (the connect timeout is the client's).
 * JIT compilation is off: the read routes' statements run in milliseconds, and
 * compiling one (the planner over-estimating a CTE) cost the overview 160 ms of its 330.
 */
export function toPoolConfig(connectionString: string, env: Env): pg.PoolConfig {
  if (env.ATLAS_DATABASE_KIND === "embedded") return { connectionString, max: 1 };
  return {
    connectionString,
    max: 8,
    statement_timeout: env.ATLAS_DB_STATEMENT_TIMEOUT_MS,
    lock_timeout: env.ATLAS_DB_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env.ATLAS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    options: "-c jit=off",
  };
}
