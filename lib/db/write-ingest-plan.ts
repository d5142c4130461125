import "server-only";
import { IngestError } from "@/lib/ingest/ingest-error";
import type pg from "pg";
import type { IngestPlan, ModelPlan } from "@/lib/ingest/plan-types";
import type { CurveGroup } from "./view-rows";
import { writeResults } from "./write-results";
import type { CopyColumns } from "@/lib/ingest/to-copy-text";

export type UploadInfo = { fileName: string; sha256: string; format: string; note: string | null; tokenId?: number | null };
export type WriteCounts = {
  uploadId: number;
  inserted: number;
  updated: number;
  skipped: number;
  /** the task views whose curves this file feeds, for the analysis refresh */
  touched: CurveGroup[];
};

async function idsByName(client: pg.PoolClient, table: string, names: string[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ id: number; name: string }>(
    `SELECT id, name FROM ${table} WHERE name = ANY($1::text[])`,
    [names],
  );
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function upsertModels(client: pg.PoolClient, models: ModelPlan[]): Promise<Map<string, number>> {
  const families = [...new Set(models.map((m) => m.family).filter((f): f is string => f !== null))];
  await client.query(
    "INSERT INTO model_family (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING",
    [families],
  );
  const familyIds = await idsByName(client, "model_family", families);
  // Registry and file facts only fill gaps in what is stored ...
  await client.query(
    `INSERT INTO model AS model (name, family_id, parameters, training_tokens, training_flops, flops_estimated,
                        tokens_per_step, final_step, scale_source)
     SELECT name, family_id, parameters, training_tokens, training_flops, flops_estimated, tokens_per_step, final_step, scale_source
     FROM unnest($1::text[], $2::int[], $3::float8[], $4::float8[], $5::float8[], $6::bool[], $7::float8[], $8::int[], $9::text[])
       AS u(name, family_id, parameters, training_tokens, training_flops, flops_estimated, tokens_per_step, final_step, scale_source)
     ON CONFLICT (name) DO UPDATE SET
       family_id = COALESCE(model.family_id, EXCLUDED.family_id),
       parameters = COALESCE(model.parameters, EXCLUDED.parameters),
       training_tokens = COALESCE(model.training_tokens, EXCLUDED.training_tokens),
       training_flops = COALESCE(model.training_flops, EXCLUDED.training_flops),
       flops_estimated = CASE WHEN model.training_flops IS NULL THEN EXCLUDED.flops_estimated ELSE model.flops_estimated END,
       tokens_per_step = COALESCE(model.tokens_per_step, EXCLUDED.tokens_per_step),
       final_step = COALESCE(model.final_step, EXCLUDED.final_step),
       scale_source = COALESCE(model.scale_source, EXCLUDED.scale_source)`,
    [
      models.map((m) => m.name),
      models.map((m) => (m.family === null ? null : familyIds.get(m.family) ?? null)),
      models.map((m) => m.parameters),
      models.map((m) => m.trainingTokens),
      models.map((m) => m.trainingFlops),
      models.map((m) => m.flopsEstimated),
      models.map((m) => m.tokensPerStep),
      models.map((m) => m.finalStep),
      models.map((m) => m.source),
    ],
  );
  // ... while facts a user supplied explicitly (--models, an upload's mapping) replace them.
  const explicit = models.filter((m) => m.overwrite);
  if (explicit.length > 0) {
    await client.query(
      `UPDATE model SET
         family_id = COALESCE(u.family_id, model.family_id), parameters = COALESCE(u.parameters, model.parameters),
         training_tokens = COALESCE(u.training_tokens, model.training_tokens),
         training_flops = COALESCE(u.training_flops, model.training_flops),
         flops_estimated = CASE WHEN u.training_flops IS NULL THEN model.flops_estimated ELSE u.flops_estimated END,
         scale_source = COALESCE(u.scale_source, model.scale_source)
       FROM unnest($1::text[], $2::int[], $3::float8[], $4::float8[], $5::float8[], $6::bool[], $7::text[])
         AS u(name, family_id, parameters, training_tokens, training_flops, flops_estimated, scale_source)
       WHERE model.name = u.name`,
      [
        explicit.map((m) => m.name),
        explicit.map((m) => (m.family === null ? null : familyIds.get(m.family) ?? null)),
        explicit.map((m) => m.parameters),
        explicit.map((m) => m.trainingTokens),
        explicit.map((m) => m.trainingFlops),
        explicit.map((m) => m.flopsEstimated),
        explicit.map((m) => m.source),
      ],
    );
  }
  const modelIds = await idsByName(client, "model", models.map((m) => m.name));
  const aliases = models.flatMap((m) => m.aliases.map((a) => [a, modelIds.get(m.name)] as const));
  await client.query(
    `INSERT INTO model_alias (alias, model_id) SELECT * FROM unnest($1::text[], $2::int[])
     ON CONFLICT (alias) DO NOTHING`,
    [aliases.map((a) => a[0]), aliases.map((a) => a[1])],
  );
  return modelIds;
}

async function upsertCheckpoints(client: pg.PoolClient, plan: IngestPlan, modelIds: Map<string, number>) {
  const cps = plan.checkpoints;
  await client.query(
    `INSERT INTO checkpoint AS c (model_id, revision, step, tokens_seen, is_final)
     SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::float8[], $5::bool[])
     ON CONFLICT (model_id, revision) DO UPDATE SET
       step = COALESCE(c.step, EXCLUDED.step), tokens_seen = COALESCE(c.tokens_seen, EXCLUDED.tokens_seen)`,
    [
      cps.map((c) => modelIds.get(c.model)),
      cps.map((c) => c.revision),
      cps.map((c) => c.step),
      cps.map((c) => c.tokensSeen),
      cps.map((c) => c.isFinal),
    ],
  );
  const { rows } = await client.query<{ id: number; model_id: number; revision: string }>(
    `SELECT c.id, c.model_id, c.revision FROM checkpoint c
     JOIN unnest($1::int[], $2::text[]) AS u(model_id, revision) ON c.model_id = u.model_id AND c.revision = u.revision`,
    [cps.map((c) => modelIds.get(c.model)), cps.map((c) => c.revision)],
  );
  return new Map(rows.map((r) => [`${r.model_id}\u0000${r.revision}`, r.id]));
}

async function upsertTasksAndMetrics(client: pg.PoolClient, plan: IngestPlan) {
  const t = plan.tasks;
  await client.query(
    `INSERT INTO task AS t (name, suite, chance, chance_source, item_count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::int[])
     ON CONFLICT (name) DO UPDATE SET
       suite = COALESCE(t.suite, EXCLUDED.suite),
       chance = COALESCE(t.chance, EXCLUDED.chance),
       chance_source = CASE WHEN t.chance IS NULL THEN EXCLUDED.chance_source ELSE t.chance_source END,
       item_count = COALESCE(t.item_count, EXCLUDED.item_count)`,
    [t.map((x) => x.name), t.map((x) => x.suite), t.map((x) => x.chance), t.map((x) => x.chanceSource), t.map((x) => x.itemCount)],
  );
  const m = plan.metrics;
  await client.query(
    `INSERT INTO metric (name, higher_is_better, lower_bound, upper_bound, kind)
     SELECT * FROM unnest($1::text[], $2::bool[], $3::float8[], $4::float8[], $5::text[])
     ON CONFLICT (name) DO NOTHING`,
    [m.map((x) => x.name), m.map((x) => x.higherIsBetter), m.map((x) => x.lowerBound), m.map((x) => x.upperBound), m.map((x) => x.kind)],
  );
  // once a group, always a group: a task another file gives as an aggregate never stops being one
  if (plan.groupTasks.length > 0) {
    await client.query("UPDATE task SET is_group = true WHERE name = ANY($1::text[]) AND NOT is_group", [plan.groupTasks]);
  }
  const taskIds = await idsByName(client, "task", t.map((x) => x.name));
  const metricIds = await idsByName(client, "metric", m.map((x) => x.name));
  return { taskIds, metricIds };
}

/**
 * The file's direction for each task and metric, and the registry's chance level
 * for the pair. A stored direction is kept; a file that contradicts it is refused
 * by its key, since one task's metric cannot both rise and fall with improvement.
 */
async function upsertTaskMetrics(client: pg.PoolClient, plan: IngestPlan, taskIds: Map<string, number>, metricIds: Map<string, number>) {
  const entries = plan.taskMetrics;
  if (entries.length === 0) return;
  const { rows: conflicts } = await client.query<{ i: number; stored: boolean; source: string | null }>(
    `SELECT u.i, tm.higher_is_better AS stored, tm.direction_source AS source
     FROM unnest($1::int[], $2::int[], $3::bool[]) WITH ORDINALITY AS u(task_id, metric_id, higher, i)
     JOIN task_metric tm ON tm.task_id = u.task_id AND tm.metric_id = u.metric_id
     WHERE u.higher IS NOT NULL AND tm.higher_is_better IS NOT NULL AND tm.higher_is_better <> u.higher`,
    [entries.map((e) => taskIds.get(e.task)), entries.map((e) => metricIds.get(e.metric)), entries.map((e) => e.higherIsBetter)],
  );
  if (conflicts.length > 0) {
    const c = conflicts[0];
    const e = entries[c.i - 1];
    throw new IngestError(
      plan.fileName,
      `says higher is ${e.higherIsBetter ? "" : "not "}better for ${e.task} / ${e.metric}, but ${c.source ?? "a stored entry"} says the opposite`,
      { key: `higher_is_better.${e.task}.${e.metric}` },
    );
  }
  await client.query(
    `INSERT INTO task_metric AS tm (task_id, metric_id, higher_is_better, direction_source, chance, chance_source)
     SELECT * FROM unnest($1::int[], $2::int[], $3::bool[], $4::text[], $5::float8[], $6::text[])
     ON CONFLICT (task_id, metric_id) DO UPDATE SET
       higher_is_better = COALESCE(tm.higher_is_better, EXCLUDED.higher_is_better),
       direction_source = CASE WHEN tm.higher_is_better IS NULL THEN EXCLUDED.direction_source ELSE tm.direction_source END,
       chance = CASE WHEN tm.chance_source IS NULL THEN EXCLUDED.chance ELSE tm.chance END,
       chance_source = COALESCE(tm.chance_source, EXCLUDED.chance_source)`,
    [
      entries.map((e) => taskIds.get(e.task)), entries.map((e) => metricIds.get(e.metric)),
      entries.map((e) => e.higherIsBetter), entries.map((e) => e.directionSource),
      entries.map((e) => e.chance), entries.map((e) => e.chanceSource),
    ],
  );
}

type ResolvedRows = { columns: CopyColumns; touched: CurveGroup[] };

/**
 * The plan's rows with their stored ids, and the task views they feed. A name the
 * upserts above did not store is a bug in the plan, refused before anything is written.
 */
function resolveRows(plan: IngestPlan, modelIds: Map<string, number>, checkpointIds: Map<string, number>, taskIds: Map<string, number>, metricIds: Map<string, number>): ResolvedRows {
  const r = plan.rows;
  const total = r.value.length;
  const checkpointId = new Array<number>(total);
  const taskId = new Array<number>(total);
  const metricId = new Array<number>(total);
  const touched = new Map<string, CurveGroup>();
  const missing = (what: string, name: string) => new IngestError(plan.fileName, `plans a result for ${what} "${name}", which was not stored`);
  // rows come grouped by checkpoint: resolve a checkpoint once per run of equal names
  let lastModel = "";
  let lastRevision = "";
  let lastCheckpoint = -1;
  for (let i = 0; i < total; i++) {
    if (i === 0 || r.model[i] !== lastModel || r.revision[i] !== lastRevision) {
      lastModel = r.model[i];
      lastRevision = r.revision[i];
      const id = checkpointIds.get(`${modelIds.get(lastModel)}\u0000${lastRevision}`);
      if (id === undefined) throw missing("checkpoint", `${lastModel} @ ${lastRevision}`);
      lastCheckpoint = id;
    }
    checkpointId[i] = lastCheckpoint;
    const task = taskIds.get(r.task[i]);
    if (task === undefined) throw missing("task", r.task[i]);
    const metric = metricIds.get(r.metric[i]);
    if (metric === undefined) throw missing("metric", r.metric[i]);
    taskId[i] = task;
    metricId[i] = metric;
    const view = `${task}|${metric}|${r.shots[i]}|${r.filter[i]}`;
    if (!touched.has(view)) touched.set(view, { taskId: task, metricId: metric, shots: r.shots[i], filter: r.filter[i] });
  }
  return {
    columns: { checkpointId, taskId, metricId, shots: r.shots, filter: r.filter, value: r.value, stderr: r.stderr, n: r.n },
    touched: [...touched.values()],
  };
}

/**
 * What a foreign key's check would lock: the parent rows this file's results refer
 * to, FOR KEY SHARE until the transaction ends, so no concurrent delete removes one
 * under the upload (result has no row-level foreign keys; see *_lean_result_writes).
 */
async function lockParents(client: pg.PoolClient, columns: CopyColumns): Promise<void> {
  const parents = [["checkpoint", columns.checkpointId], ["task", columns.taskId], ["metric", columns.metricId]] as const;
  for (const [table, ids] of parents) {
    await client.query(`SELECT 1 FROM ${table} WHERE id = ANY($1::int[]) FOR KEY SHARE`, [[...new Set(ids)]]);
  }
}

/** Stored ids of every name a file's chunks planned so far. */
type StoredIds = { models: Map<string, number>; checkpoints: Map<string, number>; tasks: Map<string, number>; metrics: Map<string, number> };

const addAll = <K, V>(into: Map<K, V>, from: Map<K, V>) => {
  for (const [k, v] of from) into.set(k, v);
};

/** Stores the names a chunk plans for the first time; the ids join those of earlier chunks. */
async function upsertNames(client: pg.PoolClient, plan: IngestPlan, ids: StoredIds): Promise<void> {
  if (plan.models.length > 0) addAll(ids.models, await upsertModels(client, plan.models));
  if (plan.checkpoints.length > 0) addAll(ids.checkpoints, await upsertCheckpoints(client, plan, ids.models));
  if (plan.tasks.length + plan.metrics.length + plan.groupTasks.length > 0) {
    const { taskIds, metricIds } = await upsertTasksAndMetrics(client, plan);
    addAll(ids.tasks, taskIds);
    addAll(ids.metrics, metricIds);
  }
  // a task-metric entry may name a task or metric an earlier chunk stored
  await upsertTaskMetrics(client, plan, ids.tasks, ids.metrics);
}

async function createUpload(client: pg.PoolClient, upload: UploadInfo): Promise<number> {
  const { rows: created } = await client.query<{ id: number }>(
    `INSERT INTO upload (file_name, sha256, format, parsed, inserted, updated, skipped, note, token_id)
     VALUES ($1, $2, $3, 0, 0, 0, 0, $4, $5) RETURNING id`,
    [upload.fileName, upload.sha256, upload.format, upload.note, upload.tokenId ?? null],
  );
  return created[0].id;
}

type ChunkCounts = { rows: number; inserted: number; updated: number; touched: CurveGroup[] };

/** One chunk: its new names stored, its rows resolved to ids, its parents locked, its rows written. */
async function writeChunk(client: pg.PoolClient, plan: IngestPlan, ids: StoredIds, uploadId: number): Promise<ChunkCounts> {
  await upsertNames(client, plan, ids);
  const { columns, touched } = resolveRows(plan, ids.models, ids.checkpoints, ids.tasks, ids.metrics);
  if (columns.value.length === 0) return { rows: 0, inserted: 0, updated: 0, touched };
  await lockParents(client, columns);
  const { inserted, updated } = await writeResults(client, columns, uploadId);
  return { rows: columns.value.length, inserted, updated, touched };
}

/**
 * Writes one file, planned chunk by chunk, inside the caller's open transaction:
 * the upload, then per chunk the names it plans first (models, checkpoints,
 * tasks, metrics) and its result rows by lib/db/write-results.ts (COPY on
 * Postgres). A chunk's rows are sent while the next chunk is read: the next
 * chunk is asked for before the write of this one is awaited, so the reading
 * (Node) and the writing (Postgres) overlap. Re-sending an identical row changes
 * nothing and counts as skipped. The counters of result_count are deferred
 * while the file is written and added up once at its end. A chunk that fails
 * leaves nothing to commit: the caller rolls back the file's transaction or
 * savepoint (which ends the deferral with it).
 */
export async function writeIngestChunks(
  client: pg.PoolClient,
  upload: UploadInfo,
  plans: AsyncIterable<IngestPlan> | Iterable<IngestPlan>,
  onProgress?: (done: number, total: number) => void,
): Promise<WriteCounts> {
  const uploadId = await createUpload(client, upload);
  // the file's task-view × model counters are added up once, at its end, not per COPY (*_result_counts_per_file)
  await client.query("SELECT result_counts_defer()");
  const ids: StoredIds = { models: new Map(), checkpoints: new Map(), tasks: new Map(), metrics: new Map() };
  const totals = { rows: 0, inserted: 0, updated: 0 };
  const touched = new Map<string, CurveGroup>();
  const settle = (counts: ChunkCounts) => {
    totals.rows += counts.rows;
    totals.inserted += counts.inserted;
    totals.updated += counts.updated;
    for (const g of counts.touched) touched.set(`${g.taskId}|${g.metricId}|${g.shots}|${g.filter}`, g);
    onProgress?.(totals.rows, totals.rows);
  };
  let writing: Promise<ChunkCounts> | null = null;
  try {
    for await (const plan of plans) {
      if (writing !== null) settle(await writing);
      writing = writeChunk(client, plan, ids, uploadId);
      // awaited when the next chunk is read (or below); a failure meanwhile is not unhandled
      writing.catch(() => undefined);
    }
    if (writing !== null) settle(await writing);
  } finally {
    // a chunk that failed to read leaves the connection idle for the caller's rollback
    if (writing !== null) await writing.catch(() => undefined);
  }
  await client.query("SELECT result_counts_end()");
  const skipped = totals.rows - totals.inserted - totals.updated;
  await client.query("UPDATE upload SET parsed = $2, inserted = $3, updated = $4, skipped = $5 WHERE id = $1", [
    uploadId, totals.rows, totals.inserted, totals.updated, skipped,
  ]);
  return { uploadId, inserted: totals.inserted, updated: totals.updated, skipped, touched: [...touched.values()] };
}

/** One planned file written whole (see writeIngestChunks): the plan is its only chunk. */
export function writeIngestPlan(
  client: pg.PoolClient,
  upload: UploadInfo,
  plan: IngestPlan,
  onProgress?: (done: number, total: number) => void,
): Promise<WriteCounts> {
  return writeIngestChunks(client, upload, [plan], onProgress);
}
