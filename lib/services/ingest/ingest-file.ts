import "server-only";
import { createHash } from "node:crypto";
import type { ItemSource } from "@/lib/ingest/item-context";
import { readInput } from "@/lib/ingest/parse-input";
import { toCheckpoint } from "@/lib/ingest/to-checkpoint";
import { createIngestPlanner, type IngestPlanner } from "@/lib/ingest/plan-ingest";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { IngestPlan, RegistryLookup, RegistryMetric } from "@/lib/ingest/plan-types";
import type { ParsedFile } from "@/lib/schemas/parsed-file";
import type pg from "pg";
import { getPool } from "@/lib/db/client";
import { writeIngestChunks } from "@/lib/db/write-ingest-plan";
import { writeItems } from "@/lib/db/write-items";
import { inferFamilies } from "@/lib/db/model-families";
import { enqueueAnalysis } from "@/lib/db/analysis-queue";
import { withTransaction } from "@/lib/db/with-transaction";
import type { CurveGroup } from "@/lib/services/analysis/refresh-analyses";
import { parsedSource, toResultSource, type ResultSource } from "./result-source";

export type IngestFileInput = {
  fileName: string;
  /** the file's bytes, hashed to recognise a repeat and parsed when `parsed` is not given */
  bytes: Uint8Array;
  /** the bytes' sha256 when the caller hashed them itself (a samples file streamed rather than held) */
  sha256?: string;
  /** the file already parsed from those bytes (an upload parses each body once, up front); else read here */
  parsed?: ParsedFile;
  /** the file as the CLI read it (a long CSV still to be read in chunks); else `parsed`, else read here */
  source?: ResultSource;
  /** the file's items (HELM per-instance stats, Inspect samples, an lm-eval samples stream), with `parsed` */
  items?: ItemSource | null;
  registry: RegistryLookup;
  note?: string | null;
  dryRun?: boolean;
  /** the API token making the upload, recorded on it; null for the CLI */
  tokenId?: number | null;
  /** sees the whole file's plan (names, shots; no rows) before the commit (the upload preview); may throw IngestError to refuse the file */
  inspect?: (plan: IngestPlan) => void;
  onProgress?: (done: number, total: number) => void;
  /**
   * An open transaction to write in (several files stored all or nothing): the
   * file goes in a savepoint of it, and the caller commits, rolls back and
   * releases the client. Without it the file is a transaction of its own.
   */
  transaction?: pg.PoolClient;
};

export type IngestFileOutcome =
  | {
      ok: true;
      fileName: string;
      format: string;
      uploadId: number | null;
      alreadyUploaded: boolean;
      parsed: number;
      inserted: number;
      updated: number;
      skipped: number;
      missingValues: number;
      unknownScaleModels: string[];
      /** item rows written (one per item and metric); 0 for a repeat */
      items: number;
      /** task views whose stored curves changed (empty for a dry run or a repeat) */
      touched: CurveGroup[];
    }
  | { ok: false; fileName: string; error: string };

/** The database's own definitions of the named metrics (they win over the registry's: see preferStoredMetrics). */
async function storedMetrics(client: pg.PoolClient, names: string[]): Promise<RegistryMetric[]> {
  const { rows } = await client.query<RegistryMetric>(
    `SELECT name, higher_is_better AS "higherIsBetter", lower_bound AS "lowerBound", upper_bound AS "upperBound", kind
     FROM metric WHERE name = ANY($1::text[])`,
    [names],
  );
  return rows;
}

/**
 * The source's chunks planned one after another, each against the registry with
 * the stored definitions of the metrics it names first looked up.
 */
async function* planChunks(client: pg.PoolClient, source: ResultSource, planner: IngestPlanner, stored: Map<string, RegistryMetric | null>): AsyncGenerator<IngestPlan> {
  for await (const results of source.chunks()) {
    const fresh = new Set<string>();
    for (const r of results) if (!stored.has(r.metric)) fresh.add(r.metric);
    if (fresh.size > 0) {
      for (const name of fresh) stored.set(name, null);
      for (const m of await storedMetrics(client, [...fresh])) stored.set(m.name, m);
    }
    yield planner.plan(results);
  }
}

/** The stored checkpoint and metric facts for a file's items, resolved as its results are. */
function itemTarget(registry: RegistryLookup, plan: IngestPlan, uploadId: number, items: ItemSource) {
  const resolved = registry.resolveModel(items.context.model);
  const model = resolved?.name ?? items.context.model;
  const known = (name: string) => plan.metrics.find((m) => m.name === name) ?? registry.metric(name);
  return {
    uploadId,
    model,
    revision: toCheckpoint(items.context.revision, resolved).revision,
    metric: (name: string) => known(name) ?? { name, higherIsBetter: null, lowerBound: null, upperBound: null, kind: null },
  };
}

/**
 * The one way a file gets into the database, used by the CLI, the upload route
 * and the demo seed: read (pure), plan against the registry (pure) and write
 * the whole file in one transaction (or savepoint of the caller's), or nothing
 * of it. A long CSV is read, planned and written in chunks, each chunk's rows
 * sent to Postgres while the next is read; other files are parsed whole first
 * and written as one chunk. A dry run does the same work and rolls back, so its
 * counts are exact.
 */
export async function ingestFile(input: IngestFileInput): Promise<IngestFileOutcome> {
  const { fileName, bytes } = input;
  let source: ResultSource;
  try {
    if (input.source) source = input.source;
    else if (input.parsed) source = parsedSource(input.parsed, input.items ?? null);
    else source = toResultSource(fileName, await readInput(fileName, bytes));
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, fileName, error: err.message };
    throw err;
  }
  const items = source.items;
  const sha256 = input.sha256 ?? createHash("sha256").update(bytes).digest("hex");
  let planned: IngestPlan | undefined;
  let parsedCount = 0;

  const write = async (client: pg.PoolClient): Promise<IngestFileOutcome> => {
    const existing = await client.query<{ id: number }>("SELECT id FROM upload WHERE sha256 = $1", [sha256]);
    const stored = new Map<string, RegistryMetric | null>();
    const registry: RegistryLookup = { ...input.registry, metric: (name) => stored.get(name) ?? input.registry.metric(name) };
    const planner = createIngestPlanner(fileName, source.file, registry);
    const plans = planChunks(client, source, planner, stored);
    const whole = () => (planned = planner.whole(source.missingValues()));
    const base = (plan: IngestPlan) => ({ ok: true as const, fileName, format: source.file.format, parsed: parsedCount, missingValues: plan.missingValues, unknownScaleModels: plan.unknownScaleModels });
    if (existing.rows.length > 0) {
      // read to the end all the same: the counts are the file's, and a bad file is refused as on its first upload
      for await (const plan of plans) parsedCount += plan.rows.value.length;
      const plan = whole();
      input.inspect?.(plan);
      return { ...base(plan), uploadId: existing.rows[0].id, alreadyUploaded: true, inserted: 0, updated: 0, skipped: parsedCount, items: 0, touched: [] };
    }
    const counts = await writeIngestChunks(
      client,
      { fileName, sha256, format: source.file.format, note: input.note ?? null, tokenId: input.tokenId ?? null },
      plans,
      input.onProgress,
    );
    parsedCount = counts.inserted + counts.updated + counts.skipped;
    const plan = whole();
    input.inspect?.(plan);
    const itemRows = items === null ? 0 : await writeItems(client, fileName, { ...itemTarget(input.registry, plan, counts.uploadId, items), dryRun: input.dryRun }, items);
    // ladders (models whose names differ only in size) become families; the curves of models that moved are queued
    const moved = await inferFamilies(client, planner.spelledModels());
    const changed = counts.inserted + counts.updated > 0;
    if (changed && !input.dryRun) await enqueueAnalysis(client, counts.touched);
    return {
      ...base(plan),
      uploadId: input.dryRun ? null : counts.uploadId,
      alreadyUploaded: false,
      inserted: counts.inserted,
      updated: counts.updated,
      skipped: counts.skipped,
      items: itemRows,
      touched: input.dryRun ? [] : [...(changed ? counts.touched : []), ...moved],
    };
  };

  try {
    // a dry run and a repeat roll back: the counts are exact, nothing is kept
    return await withTransaction(write, { within: input.transaction, commit: (o) => o.ok && !o.alreadyUploaded && !input.dryRun });
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, fileName, error: err.message };
    const pgErr = err as { code?: string; message?: string; constraint?: string };
    // The same bytes committed by a concurrent upload since our check: answer as a repeat.
    if (pgErr.code === "23505" && pgErr.constraint === "upload_sha256_key") {
      const again = await (input.transaction ?? getPool()).query<{ id: number; format: string }>("SELECT id, format FROM upload WHERE sha256 = $1", [sha256]);
      if (again.rows.length > 0) {
        return {
          ok: true, fileName, format: again.rows[0].format, uploadId: again.rows[0].id, alreadyUploaded: true, parsed: parsedCount,
          inserted: 0, updated: 0, skipped: parsedCount, items: 0, missingValues: source.missingValues(), unknownScaleModels: planned?.unknownScaleModels ?? [], touched: [],
        };
      }
    }
    // Constraint violations (check 23514, not-null 23502, ...) and data the database cannot hold (22xxx) are the file's fault: report, store nothing.
    if (typeof pgErr.code === "string" && (pgErr.code.startsWith("23") || pgErr.code.startsWith("22"))) {
      return { ok: false, fileName, error: `${fileName}: rejected by the database: ${pgErr.message}` };
    }
    throw err;
  }
}
