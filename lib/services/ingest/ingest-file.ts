import "server-only";
import { createHash } from "node:crypto";
import type { ItemSource } from "@/lib/ingest/item-context";
import { parseInput } from "@/lib/ingest/parse-input";
import { toCheckpoint } from "@/lib/ingest/to-checkpoint";
import { planIngest } from "@/lib/ingest/plan-ingest";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { IngestPlan, RegistryLookup, RegistryMetric } from "@/lib/ingest/plan-types";
import { preferStoredMetrics } from "@/lib/ingest/prefer-stored-metrics";
import type { ParsedFile } from "@/lib/schemas/parsed-file";
import type pg from "pg";
import { getPool } from "@/lib/db/client";
import { writeIngestPlan } from "@/lib/db/write-ingest-plan";
import { writeItems } from "@/lib/db/write-items";
import { inferFamilies } from "@/lib/db/model-families";
import { enqueueAnalysis } from "@/lib/db/analysis-queue";
import { withTransaction } from "@/lib/db/with-transaction";
import type { CurveGroup } from "@/lib/services/analysis/refresh-analyses";

export type IngestFileInput = {
  fileName: string;
  /** the file's bytes, hashed to recognise a repeat and parsed when `parsed` is not given */
  bytes: Uint8Array;
  /** the bytes' sha256 when the caller hashed them itself (a samples file streamed rather than held) */
  sha256?: string;
  /** the file already parsed from those bytes (an upload parses each body once, up front); else parsed here */
  parsed?: ParsedFile;
  /** the file's items (HELM per-instance stats, Inspect samples, an lm-eval samples stream), with `parsed` */
  items?: ItemSource | null;
  registry: RegistryLookup;
  note?: string | null;
  dryRun?: boolean;
  /** the API token making the upload, recorded on it; null for the CLI */
  tokenId?: number | null;
  /** sees the plan before anything is written (the upload preview); may throw IngestError to refuse the file */
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

async function storedMetrics(client: pg.PoolClient, parsed: ParsedFile): Promise<RegistryMetric[]> {
  const names = [...new Set(parsed.results.map((r) => r.metric))];
  const { rows } = await client.query<RegistryMetric>(
    `SELECT name, higher_is_better AS "higherIsBetter", lower_bound AS "lowerBound", upper_bound AS "upperBound", kind
     FROM metric WHERE name = ANY($1::text[])`,
    [names],
  );
  return rows;
}

/** Each model of the file under its stored name, with the file's first spelling of it. */
function spelledModels(parsed: ParsedFile, registry: RegistryLookup) {
  const spelled = new Map<string, string>();
  for (const spelling of new Set(parsed.results.map((r) => r.model))) {
    const name = registry.resolveModel(spelling)?.name ?? spelling;
    if (!spelled.has(name)) spelled.set(name, spelling);
  }
  return [...spelled].map(([name, spelling]) => ({ name, spelling }));
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
 * and the demo seed: parse (pure), plan against the registry (pure), then write
 * the whole file in one transaction (or savepoint of the caller's), or nothing
 * of it. A dry run does the same work and rolls back, so its counts are exact.
 */
export async function ingestFile(input: IngestFileInput): Promise<IngestFileOutcome> {
  const { fileName, bytes } = input;
  let parsed: ParsedFile;
  let items = input.items ?? null;
  try {
    if (input.parsed) parsed = input.parsed;
    else ({ file: parsed, items } = await parseInput(fileName, bytes));
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, fileName, error: err.message };
    throw err;
  }
  const sha256 = input.sha256 ?? createHash("sha256").update(bytes).digest("hex");
  let planned: IngestPlan | undefined;

  const write = async (client: pg.PoolClient): Promise<IngestFileOutcome> => {
    const existing = await client.query<{ id: number }>("SELECT id FROM upload WHERE sha256 = $1", [sha256]);
    const plan = planIngest(fileName, parsed, preferStoredMetrics(input.registry, await storedMetrics(client, parsed)));
    input.inspect?.(plan);
    planned = plan;
    const parsedCount = plan.rows.value.length;
    const base = { ok: true as const, fileName, format: plan.format, parsed: parsedCount, missingValues: plan.missingValues, unknownScaleModels: plan.unknownScaleModels };
    if (existing.rows.length > 0) {
      return { ...base, uploadId: existing.rows[0].id, alreadyUploaded: true, inserted: 0, updated: 0, skipped: parsedCount, items: 0, touched: [] };
    }
    const counts = await writeIngestPlan(
      client,
      { fileName, sha256, format: plan.format, note: input.note ?? null, tokenId: input.tokenId ?? null },
      plan,
      input.onProgress,
    );
    const itemRows = items === null ? 0 : await writeItems(client, fileName, { ...itemTarget(input.registry, plan, counts.uploadId, items), dryRun: input.dryRun }, items);
    // ladders (models whose names differ only in size) become families; the curves of models that moved are queued
    const moved = await inferFamilies(client, spelledModels(parsed, input.registry));
    const changed = counts.inserted + counts.updated > 0;
    if (changed && !input.dryRun) await enqueueAnalysis(client, counts.touched);
    return {
      ...base,
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
        const parsedCount = planned?.rows.value.length ?? 0;
        return {
          ok: true, fileName, format: again.rows[0].format, uploadId: again.rows[0].id, alreadyUploaded: true, parsed: parsedCount,
          inserted: 0, updated: 0, skipped: parsedCount, items: 0, missingValues: parsed.missingValues, unknownScaleModels: planned?.unknownScaleModels ?? [], touched: [],
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
