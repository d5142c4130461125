import "server-only";
import type pg from "pg";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { ItemSource } from "@/lib/ingest/item-context";
import type { RegistryMetric } from "@/lib/ingest/plan-types";
import type { ParsedItem } from "@/lib/schemas/parsed-items";

/** Items per INSERT: a stream is written in batches, so only one batch is ever held. */
const BATCH = 2_000;

export type ItemTarget = {
  uploadId: number;
  /** the checkpoint the items sit behind, as stored (model's canonical name, revision as toCheckpoint reads it) */
  model: string;
  revision: string;
  /** the metric's facts to create it with when it is not stored yet (the registry's, else unknown) */
  metric: (name: string) => RegistryMetric;
  /** a preview: items whose checkpoint is not stored yet (its results come in the same upload) are read and counted, not written */
  dryRun?: boolean;
};

type Columns = { task: number[]; metric: number[]; shots: (number | null)[]; filter: string[]; docId: (string | null)[]; docHash: (string | null)[]; epoch: (number | null)[]; value: (number | null)[]; target: (string | null)[]; response: (string | null)[] };

async function checkpointId(client: pg.PoolClient, fileName: string, target: ItemTarget): Promise<number | null> {
  const { rows } = await client.query<{ id: number }>(
    "SELECT c.id FROM checkpoint c JOIN model m ON m.id = c.model_id WHERE m.name = $1 AND c.revision = $2",
    [target.model, target.revision],
  );
  if (rows.length === 0) {
    if (target.dryRun) return null;
    throw new IngestError(fileName, `no stored results of ${target.model} (${target.revision}) to place its items: ingest its results file first or with it`);
  }
  return rows[0].id;
}

/** Ids of tasks and metrics by name, creating metrics not stored yet (tasks come with the results). */
class NameIds {
  private tasks = new Map<string, number>();
  private metrics = new Map<string, number>();
  constructor(private client: pg.PoolClient, private fileName: string, private target: ItemTarget) {}

  async task(item: ParsedItem): Promise<number> {
    const known = this.tasks.get(item.task);
    if (known !== undefined) return known;
    const { rows } = await this.client.query<{ id: number }>("SELECT id FROM task WHERE name = $1", [item.task]);
    if (rows.length === 0 && this.target.dryRun) return 0;
    if (rows.length === 0) throw new IngestError(this.fileName, `no stored results for task ${item.task} to place the item behind`, item.source);
    this.tasks.set(item.task, rows[0].id);
    return rows[0].id;
  }

  async metric(name: string): Promise<number> {
    const known = this.metrics.get(name);
    if (known !== undefined) return known;
    const m = this.target.metric(name);
    await this.client.query(
      "INSERT INTO metric (name, higher_is_better, lower_bound, upper_bound, kind) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING",
      [name, m.higherIsBetter, m.lowerBound, m.upperBound, m.kind],
    );
    const { rows } = await this.client.query<{ id: number }>("SELECT id FROM metric WHERE name = $1", [name]);
    this.metrics.set(name, rows[0].id);
    return rows[0].id;
  }
}

async function flush(client: pg.PoolClient, checkpoint: number | null, uploadId: number, c: Columns): Promise<number> {
  if (c.task.length === 0) return 0;
  if (checkpoint === null) return c.task.length;
  // one row per key in a statement (ON CONFLICT may not touch a row twice): a repeat in the batch, the last wins
  const { rowCount } = await client.query(
    `INSERT INTO result_item AS ri (checkpoint_id, task_id, metric_id, shots, filter, doc_id, doc_hash, epoch, value, target, response, upload_id)
     SELECT DISTINCT ON (t, m, s, f, d, h, e) $1::int, t, m, s, f, d, h, e, v, tg, r, $2::int
     FROM unnest($3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[], $10::float8[], $11::text[], $12::text[])
       WITH ORDINALITY AS u(t, m, s, f, d, h, e, v, tg, r, i)
     ORDER BY t, m, s, f, d, h, e, i DESC
     ON CONFLICT (checkpoint_id, task_id, metric_id, shots, filter, doc_id, doc_hash, epoch) DO UPDATE SET
       value = EXCLUDED.value, target = EXCLUDED.target, response = EXCLUDED.response, upload_id = EXCLUDED.upload_id`,
    [checkpoint, uploadId, c.task, c.metric, c.shots, c.filter, c.docId, c.docHash, c.epoch, c.value, c.target, c.response],
  );
  return rowCount ?? 0;
}

/** Postgres text cannot hold NUL: a model's answer that has one keeps it as U+FFFD (the replacement character). */
const storable = (text: string | null) => (text === null ? null : text.replaceAll("\u0000", "\uFFFD"));

const empty = (): Columns => ({ task: [], metric: [], shots: [], filter: [], docId: [], docHash: [], epoch: [], value: [], target: [], response: [] });

/**
 * Writes a file's items in the caller's transaction, a batch at a time (a
 * stream is never held whole), one row per item and metric. An item whose
 * task has no results behind it, or whose checkpoint is not stored, is refused
 * by its line or key; the caller rolls back, so nothing of the file is kept.
 * Returns the rows written.
 */
export async function writeItems(client: pg.PoolClient, fileName: string, target: ItemTarget, source: ItemSource): Promise<number> {
  const checkpoint = await checkpointId(client, fileName, target);
  const ids = new NameIds(client, fileName, target);
  let columns = empty();
  let written = 0;
  for await (const item of source.items) {
    if (!source.context.shots.has(item.task)) throw new IngestError(fileName, `no results for task ${item.task} beside this item`, item.source);
    const task = await ids.task(item);
    for (const [name, value] of Object.entries(item.metrics)) {
      columns.task.push(task);
      columns.metric.push(await ids.metric(name));
      columns.shots.push(source.context.shots.get(item.task) ?? null);
      columns.filter.push(item.filter);
      columns.docId.push(item.docId === null ? null : String(item.docId));
      columns.docHash.push(item.docHash);
      columns.epoch.push(item.epoch);
      columns.value.push(value);
      columns.target.push(storable(item.target));
      columns.response.push(storable(item.response));
    }
    if (columns.task.length >= BATCH) {
      written += await flush(client, checkpoint, target.uploadId, columns);
      columns = empty();
    }
  }
  return written + (await flush(client, checkpoint, target.uploadId, columns));
}
