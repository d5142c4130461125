import "server-only";
import { AppError, notFound } from "@/lib/api/app-error";
import type { UploadRecord } from "@/lib/schemas/uploads";
import { getPool } from "./client";
import type { CurveGroup } from "./refresh-analyses";

const RECORD_SQL = `
  SELECT u.id, u.file_name AS "fileName", u.sha256, u.format, t.name AS "tokenName", u.created_at AS "createdAt",
         u.parsed, u.inserted, u.updated, u.skipped, u.note,
         (SELECT count(*)::int FROM result r WHERE r.upload_id = u.id) AS results
  FROM upload u LEFT JOIN api_token t ON t.id = u.token_id`;

type RecordRow = Omit<UploadRecord, "createdAt"> & { createdAt: Date };

const toRecord = (r: RecordRow): UploadRecord => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Uploads, newest first, with their provenance. */
export async function listUploads(page: { limit: number; offset: number }): Promise<{ uploads: UploadRecord[]; total: number }> {
  const pool = getPool();
  const { rows } = await pool.query<RecordRow>(`${RECORD_SQL} ORDER BY u.id DESC LIMIT $1 OFFSET $2`, [page.limit, page.offset]);
  const { rows: count } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM upload");
  return { uploads: rows.map(toRecord), total: count[0].n };
}

/** One upload and the tasks its results are on. */
export async function getUpload(id: number): Promise<UploadRecord & { tasks: string[] }> {
  const pool = getPool();
  const { rows } = await pool.query<RecordRow>(`${RECORD_SQL} WHERE u.id = $1`, [id]);
  if (rows.length === 0) throw notFound(`upload ${id}`);
  const { rows: tasks } = await pool.query<{ name: string }>(
    "SELECT DISTINCT t.name FROM result r JOIN task t ON t.id = r.task_id WHERE r.upload_id = $1 ORDER BY t.name",
    [id],
  );
  return { ...toRecord(rows[0]), tasks: tasks.map((t) => t.name) };
}

/**
 * Removes an upload and, in the same transaction, every result whose stored value
 * came from it. A result another upload has since overwritten belongs to that
 * upload and stays; a value this upload had overwritten is not brought back (no
 * history is kept: re-upload the older file to restore it). Models, tasks and
 * checkpoints the upload created stay, without these results. Returns the task
 * views whose curves changed, for the analysis refresh.
 */
export async function deleteUpload(id: number): Promise<{ results: number; touched: CurveGroup[] }> {
  const client = await getPool().connect();
  // The pool listens for errors only on idle clients; a connection dropping while
  // this one is checked out would otherwise be an uncaught 'error' event. The
  // failing query reports it.
  const ignoreDrop = () => undefined;
  client.on("error", ignoreDrop);
  let failure: Error | undefined;
  try {
    await client.query("BEGIN");
    const found = await client.query("SELECT id FROM upload WHERE id = $1 FOR UPDATE", [id]);
    if (found.rows.length === 0) {
      await client.query("ROLLBACK");
      throw notFound(`upload ${id}`);
    }
    const { rows } = await client.query<{ taskId: number; metricId: number; shots: number | null; n: number }>(
      `WITH gone AS (DELETE FROM result WHERE upload_id = $1 RETURNING task_id, metric_id, shots)
       SELECT task_id AS "taskId", metric_id AS "metricId", shots, count(*)::int AS n FROM gone GROUP BY 1, 2, 3`,
      [id],
    );
    await client.query("DELETE FROM upload WHERE id = $1", [id]);
    await client.query("COMMIT");
    return {
      results: rows.reduce((sum, r) => sum + r.n, 0),
      touched: rows.map(({ taskId, metricId, shots }) => ({ taskId, metricId, shots })),
    };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (!(err instanceof AppError)) failure = err as Error;
    throw err;
  } finally {
    client.off("error", ignoreDrop);
    client.release(failure);
  }
}
