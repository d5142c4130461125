import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/api/app-error";
import { getPool } from "./client";

export type TransactionOptions<T> = {
  /** statements run right after BEGIN (a lock, a transaction-local setting) */
  setup?: string[];
  /** false: roll back instead of committing what `work` returned (e.g. a file was refused) */
  commit?: (result: T) => boolean;
};

/**
 * Runs `work` in one transaction on a checked-out client: committed when it
 * returns, rolled back when it throws. A connection that saw a database error
 * (or a rolled-back result) is not reused, since the embedded server's protocol
 * state may be off after one; an AppError (the app refusing, e.g. a 404) leaves
 * it usable. A connection dropping meanwhile is reported by the failing query,
 * not as an uncaught 'error' event.
 */
export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, options: TransactionOptions<T> = {}): Promise<T> {
  const client = await getPool().connect();
  const ignoreDrop = () => undefined;
  client.on("error", ignoreDrop);
  let failure: Error | undefined;
  try {
    await client.query("BEGIN");
    for (const statement of options.setup ?? []) await client.query(statement);
    const result = await work(client);
    const commit = options.commit?.(result) ?? true;
    await client.query(commit ? "COMMIT" : "ROLLBACK");
    if (!commit) failure = new Error("rolled back");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (!(err instanceof AppError)) failure = err as Error;
    throw err;
  } finally {
    client.off("error", ignoreDrop);
    client.release(failure);
  }
}
