import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors/app-error";
import { getPool } from "./client";
import { ClientAbortedError } from "@/lib/errors/client-aborted";

export type TransactionOptions<T> = {
  /** statements run right after BEGIN (a transaction-local setting) */
  setup?: string[];
  /**
   * a transaction-level advisory lock taken after BEGIN, waited for as long as
   * it takes: it queues work (one analysis refresh at a time), so neither the
   * lock nor the statement timeout applies to the wait, only to what follows
   */
  advisoryLock?: number;
  /** false: roll back instead of committing what `work` returned (e.g. a file was refused) */
  commit?: (result: T) => boolean;
  /** the request's signal: aborted by the time of the commit (the client went away), it rolls back instead */
  signal?: AbortSignal;
  /**
   * an open transaction's client: `work` runs in a savepoint of it instead, released
   * when it returns (rolled back to when `commit` says no or `work` throws); the
   * caller commits, rolls back and releases the client (several files stored all or nothing)
   */
  within?: pg.PoolClient;
};

const SAVEPOINT = "atlas_work";

async function inSavepoint<T>(client: pg.PoolClient, work: (client: pg.PoolClient) => Promise<T>, options: TransactionOptions<T>): Promise<T> {
  await client.query(`SAVEPOINT ${SAVEPOINT}`);
  try {
    for (const statement of options.setup ?? []) await client.query(statement);
    const result = await work(client);
    if (!(options.commit?.(result) ?? true)) await client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    return result;
  } catch (err) {
    await client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`).catch(() => undefined);
    await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`).catch(() => undefined);
    throw err;
  }
}

/** Takes an advisory lock with the session's lock and statement timeouts lifted for the wait only. */
async function waitForAdvisoryLock(client: pg.PoolClient, key: number): Promise<void> {
  const { rows } = await client.query<{ lock: string; statement: string }>(
    "SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement",
  );
  await client.query("SELECT set_config('lock_timeout', '0', true), set_config('statement_timeout', '0', true)");
  await client.query("SELECT pg_advisory_xact_lock($1)", [key]);
  await client.query("SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true)", [rows[0].lock, rows[0].statement]);
}

/**
 * Runs `work` in one transaction on a checked-out client: committed when it
 * returns, rolled back when it throws. A connection that saw a database error
 * (or a rolled-back result) is not reused, since the embedded server's protocol
 * state may be off after one; an AppError (the app refusing, e.g. a 404) leaves
 * it usable. A request whose client disconnected before the commit is rolled back
 * (ClientAbortedError): nobody would learn it was stored. A connection dropping meanwhile (the server ended the session, e.g.
 * past the idle-in-transaction timeout) is reported by the error that ended it,
 * not by the query that next found the connection dead, nor as an uncaught
 * 'error' event.
 */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, options: TransactionOptions<T> = {}): Promise<T> {
  if (options.within) return inSavepoint(options.within, work, options);
  const client = await getPool().connect();
  let dropped: Error | undefined;
  const noteDrop = (err: Error) => (dropped ??= err);
  client.on("error", noteDrop);
  let failure: Error | undefined;
  try {
    await client.query("BEGIN");
    if (options.advisoryLock !== undefined) await waitForAdvisoryLock(client, options.advisoryLock);
    for (const statement of options.setup ?? []) await client.query(statement);
    const result = await work(client);
    const commit = options.commit?.(result) ?? true;
    if (commit && options.signal?.aborted) throw new ClientAbortedError();
    await client.query(commit ? "COMMIT" : "ROLLBACK");
    if (!commit) failure = new Error("rolled back");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (!(err instanceof AppError || err instanceof ClientAbortedError)) failure = err as Error;
    throw dropped ?? err;
  } finally {
    client.off("error", noteDrop);
    client.release(failure ?? dropped);
  }
}
