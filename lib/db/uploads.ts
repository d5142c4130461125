import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { AuthenticatedToken } from "@/lib/auth/authenticated-token";
import { toDeleteRefusal } from "@/lib/auth/upload-ownership";
import type { UploadRecord } from "@/lib/schemas/uploads";
import type pg from "pg";
import { getPool } from "./client";
import { withTransaction } from "./with-transaction";
import { enqueueAnalysis } from "@/lib/db/analysis-queue";
import type { CurveGroup } from "./view-rows";

const RECORD_SQL = `
  SELECT u.id, u.file_name AS "fileName", u.sha256, u.format, t.name AS "tokenName", u.created_at AS "createdAt",
         u.parsed, u.inserted, u.updated, u.skipped, u.note,
         (SELECT count(*)::int FROM result r WHERE r.upload_id = u.id) AS results
  FROM upload u LEFT JOIN api_token t ON t.id = u.token_id`;

type RecordRow = Omit<UploadRecord, "createdAt" | "tokenHidden"> & { createdAt: Date };

/** Who may read token names: token holders; an anonymous reader learns only that a token made the upload. */
export type UploadReader = { showTokens: boolean };
const ANONYMOUS: UploadReader = { showTokens: false };

const toRecord = (r: RecordRow, reader: UploadReader): UploadRecord => ({
  ...r,
  tokenName: reader.showTokens ? r.tokenName : null,
  tokenHidden: !reader.showTokens && r.tokenName !== null,
  createdAt: r.createdAt.toISOString(),
});

/** Uploads, newest first, with their provenance. */
export async function listUploads(page: { limit: number; offset: number }, reader = ANONYMOUS): Promise<{ uploads: UploadRecord[]; total: number }> {
  const pool = getPool();
  const { rows } = await pool.query<RecordRow>(`${RECORD_SQL} ORDER BY u.id DESC LIMIT $1 OFFSET $2`, [page.limit, page.offset]);
  const { rows: count } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM upload");
  return { uploads: rows.map((r) => toRecord(r, reader)), total: count[0].n };
}

/** One upload and the tasks its results are on. */
export async function getUpload(id: number, reader = ANONYMOUS): Promise<UploadRecord & { tasks: string[] }> {
  const pool = getPool();
  const { rows } = await pool.query<RecordRow>(`${RECORD_SQL} WHERE u.id = $1`, [id]);
  if (rows.length === 0) throw notFound(`upload ${id}`);
  const { rows: tasks } = await pool.query<{ name: string }>(
    "SELECT DISTINCT t.name FROM result r JOIN task t ON t.id = r.task_id WHERE r.upload_id = $1 ORDER BY t.name",
    [id],
  );
  return { ...toRecord(rows[0], reader), tasks: tasks.map((t) => t.name) };
}

type ResultKeys = { checkpoint: number[]; task: number[]; metric: number[]; shots: (number | null)[]; filter: string[] };

/**
 * Brings back, for each removed result, the newest value another stored upload
 * had written there before the removed one replaced it (result_superseded, kept by
 * a trigger), and forgets those history rows: they are current again.
 */
async function restoreSuperseded(client: pg.PoolClient, uploadId: number, gone: ResultKeys): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `WITH pick AS (
       SELECT DISTINCT ON (s.checkpoint_id, s.task_id, s.metric_id, s.shots, s.filter) s.*
       FROM result_superseded s
       JOIN unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::text[]) AS g(checkpoint_id, task_id, metric_id, shots, filter)
         ON s.checkpoint_id = g.checkpoint_id AND s.task_id = g.task_id AND s.metric_id = g.metric_id
        AND s.shots IS NOT DISTINCT FROM g.shots AND s.filter = g.filter
       WHERE s.upload_id <> $1
       ORDER BY s.checkpoint_id, s.task_id, s.metric_id, s.shots, s.filter, s.id DESC
     ), restored AS (
       INSERT INTO result (checkpoint_id, task_id, metric_id, shots, filter, value, stderr, n, upload_id)
       SELECT checkpoint_id, task_id, metric_id, shots, filter, value, stderr, n, upload_id FROM pick
       RETURNING 1
     ), forgotten AS (
       DELETE FROM result_superseded s USING pick WHERE s.id = pick.id
     )
     SELECT count(*)::int AS n FROM restored`,
    [uploadId, gone.checkpoint, gone.task, gone.metric, gone.shots, gone.filter],
  );
  return rows[0].n;
}

/** The task views of the given results, each once. */
function viewsOf(keys: ResultKeys): CurveGroup[] {
  const views = new Map<string, CurveGroup>();
  keys.task.forEach((taskId, i) => {
    const view = { taskId, metricId: keys.metric[i], shots: keys.shots[i], filter: keys.filter[i] };
    views.set(`${view.taskId}|${view.metricId}|${view.shots}|${view.filter}`, view);
  });
  return [...views.values()];
}

type Owned = { tokenId: number | null; fileName: string; sha256: string; owner: string | null };

/** The upload, locked, if `by` may delete it: 404 when there is none, 403 when it is another token's. */
async function lockDeletable(client: pg.PoolClient, id: number, by: AuthenticatedToken): Promise<Owned> {
  const { rows } = await client.query<Owned>(
    `SELECT u.token_id AS "tokenId", u.file_name AS "fileName", u.sha256, t.name AS owner
     FROM upload u LEFT JOIN api_token t ON t.id = u.token_id WHERE u.id = $1 FOR UPDATE OF u`,
    [id],
  );
  if (rows.length === 0) throw notFound(`upload ${id}`);
  const refusal = toDeleteRefusal(id, rows[0].tokenId, by);
  if (refusal) throw refusal;
  return rows[0];
}

/**
 * Removes an upload and, in the same transaction, every result whose stored value
 * came from it. Where that value had replaced one an earlier, still stored upload
 * wrote, the earlier value comes back; a result another upload has since
 * overwritten belongs to that upload and stays. Models, tasks and checkpoints the
 * upload created stay, without these results. The task views whose curves changed
 * are queued for re-analysis in the same transaction. Only the token that made
 * the upload, or an admin token, may delete it; the deletion is recorded (who,
 * when, what) in upload_deletion.
 */
export function deleteUpload(id: number, by: AuthenticatedToken, signal?: AbortSignal): Promise<{ results: number; restored: number; touched: CurveGroup[] }> {
  return withTransaction(async (client) => {
    const upload = await lockDeletable(client, id, by);
    const { rows } = await client.query<{ checkpoint: number; task: number; metric: number; shots: number | null; filter: string }>(
      "DELETE FROM result WHERE upload_id = $1 RETURNING checkpoint_id AS checkpoint, task_id AS task, metric_id AS metric, shots, filter",
      [id],
    );
    const gone: ResultKeys = {
      checkpoint: rows.map((r) => r.checkpoint), task: rows.map((r) => r.task), metric: rows.map((r) => r.metric),
      shots: rows.map((r) => r.shots), filter: rows.map((r) => r.filter),
    };
    const restored = await restoreSuperseded(client, id, gone);
    // its own replaced values go with it (ON DELETE CASCADE from upload)
    await client.query("DELETE FROM upload WHERE id = $1", [id]);
    await client.query(
      `INSERT INTO upload_deletion (upload_id, file_name, sha256, owner_token_name, token_id, token_name, as_admin, results, restored)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, upload.fileName, upload.sha256, upload.owner, by.id, by.name, upload.tokenId !== by.id, rows.length, restored],
    );
    const touched = viewsOf(gone);
    await enqueueAnalysis(client, touched);
    return { results: rows.length, restored, touched };
  }, { signal });
}
