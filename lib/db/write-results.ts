import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { readEnv } from "@/lib/env.js";
import { COPY_COLUMNS, toCopyText, type CopyColumns } from "@/lib/ingest/to-copy-text";
import { shotsCondition } from "./shots-condition";

/** Rows per COPY text chunk and per unnest() statement. */
const CHUNK = 10_000;
const MERGE_SAVEPOINT = "atlas_results_copy";

export type ResultCounts = { inserted: number; updated: number };
type Progress = ((done: number, total: number) => void) | undefined;

/** The rows as COPY text, one chunk at a time, so the server inserts one chunk while the next is encoded. */
function* copyChunks(rows: CopyColumns, uploadId: number, onProgress: Progress): Generator<string> {
  const total = rows.value.length;
  for (let start = 0; start < total; start += CHUNK) {
    const end = Math.min(start + CHUNK, total);
    yield toCopyText(rows, uploadId, start, end);
    onProgress?.(end, total);
  }
}

async function copyInto(client: pg.PoolClient, table: string, rows: CopyColumns, uploadId: number, onProgress: Progress): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${COPY_COLUMNS}) FROM STDIN`));
  await pipeline(Readable.from(copyChunks(rows, uploadId, onProgress)), stream);
  return stream.rowCount;
}

const MERGE_SQL = (source: string) => `
  WITH written AS (
    INSERT INTO result AS r (checkpoint_id, task_id, metric_id, shots, filter, value, stderr, n, upload_id)
    SELECT ${COPY_COLUMNS} FROM ${source}
    ON CONFLICT (task_id, metric_id, shots, filter, checkpoint_id) DO UPDATE SET
      value = EXCLUDED.value, stderr = EXCLUDED.stderr, n = EXCLUDED.n, upload_id = EXCLUDED.upload_id
    WHERE (r.value, r.stderr, r.n) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.stderr, EXCLUDED.n)
    RETURNING (xmax = 0) AS fresh
  )
  SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM written`;

/**
 * Rows some of which may already be stored: COPY into a bare temporary stage, then
 * one INSERT ... ON CONFLICT from it. Identical values are left alone (skipped),
 * revised ones updated (the superseded value is kept by result_keep_superseded).
 */
async function mergeViaStage(client: pg.PoolClient, rows: CopyColumns, uploadId: number, onProgress: Progress): Promise<ResultCounts> {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS result_stage
       (checkpoint_id int, task_id int, metric_id int, shots int, filter text, value float8, stderr float8, n int, upload_id int)
     ON COMMIT DROP`,
  );
  await client.query("TRUNCATE result_stage");
  await copyInto(client, "result_stage", rows, uploadId, onProgress);
  const { rows: counts } = await client.query<ResultCounts>(MERGE_SQL("result_stage"));
  await client.query("TRUNCATE result_stage");
  return counts[0];
}

/** True when the first row's natural key is stored already: a re-ingest or a revision, so merge straight away. */
async function firstRowStored(client: pg.PoolClient, rows: CopyColumns): Promise<boolean> {
  const params: unknown[] = [rows.taskId[0], rows.metricId[0], rows.filter[0], rows.checkpointId[0]];
  const { rows: hit } = await client.query(
    `SELECT 1 FROM result WHERE task_id = $1 AND metric_id = $2 AND filter = $3 AND checkpoint_id = $4 AND ${shotsCondition("shots", rows.shots[0], params)}`,
    params,
  );
  return hit.length > 0;
}

const isNaturalKeyConflict = (err: unknown) => {
  const e = err as { code?: string; constraint?: string };
  return e.code === "23505" && e.constraint === "result_natural_key";
};

/** The embedded PGlite cannot take COPY: INSERT ... SELECT FROM unnest, one chunk a statement. */
async function mergeByUnnest(client: pg.PoolClient, rows: CopyColumns, uploadId: number, onProgress: Progress): Promise<ResultCounts> {
  const total = rows.value.length;
  const counts: ResultCounts = { inserted: 0, updated: 0 };
  const source = `(SELECT c AS checkpoint_id, t AS task_id, m AS metric_id, s AS shots, f AS filter, v AS value, e AS stderr, n, $9::int AS upload_id
    FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::float8[], $7::float8[], $8::int[]) AS u(c, t, m, s, f, v, e, n)) AS u`;
  for (let start = 0; start < total; start += CHUNK) {
    const end = Math.min(start + CHUNK, total);
    const { rows: chunk } = await client.query<ResultCounts>(MERGE_SQL(source), [
      rows.checkpointId.slice(start, end), rows.taskId.slice(start, end), rows.metricId.slice(start, end),
      rows.shots.slice(start, end), rows.filter.slice(start, end), rows.value.slice(start, end),
      rows.stderr.slice(start, end), rows.n.slice(start, end), uploadId,
    ]);
    counts.inserted += chunk[0].inserted;
    counts.updated += chunk[0].updated;
    onProgress?.(end, total);
  }
  return counts;
}

/**
 * Writes one file's result rows (ids resolved, natural keys unique within the file)
 * inside the caller's open transaction. On Postgres, rows none of which is stored
 * yet (the bulk case) go straight into `result` by COPY, in a savepoint; the first
 * natural-key conflict rolls that back and the rows are merged through a stage
 * instead, so a file is written whole or not at all either way. References and
 * metric bounds are checked by the statement-level trigger on `result`.
 */
export async function writeResults(client: pg.PoolClient, rows: CopyColumns, uploadId: number, onProgress?: Progress): Promise<ResultCounts> {
  if (rows.value.length === 0) return { inserted: 0, updated: 0 };
  if (readEnv().ATLAS_DATABASE_KIND === "embedded") return mergeByUnnest(client, rows, uploadId, onProgress);
  if (await firstRowStored(client, rows)) return mergeViaStage(client, rows, uploadId, onProgress);
  await client.query(`SAVEPOINT ${MERGE_SAVEPOINT}`);
  try {
    const inserted = await copyInto(client, "result", rows, uploadId, onProgress);
    await client.query(`RELEASE SAVEPOINT ${MERGE_SAVEPOINT}`);
    return { inserted, updated: 0 };
  } catch (err) {
    await client.query(`ROLLBACK TO SAVEPOINT ${MERGE_SAVEPOINT}`);
    await client.query(`RELEASE SAVEPOINT ${MERGE_SAVEPOINT}`);
    if (!isNaturalKeyConflict(err)) throw err;
    return mergeViaStage(client, rows, uploadId, onProgress);
  }
}
