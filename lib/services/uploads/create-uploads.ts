import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { ingestFile, type IngestFileInput, type IngestFileOutcome } from "@/lib/services/ingest/ingest-file";
import { nudgeAnalysisWorkers } from "@/lib/services/analysis/analysis-worker";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import { summarizeOutcomes } from "@/lib/ingest/summarize-outcomes";
import { withTransaction } from "@/lib/db/with-transaction";
import { readUploadParts, type ReadPart } from "./parse-upload-parts";
import { toUploadPreview } from "./to-upload-preview";
import type { UploadPart } from "./to-upload-parts";
import type { CreateUploadResponse, FilePreview, ModelMapping } from "@/lib/schemas/uploads";

export type CreateUploadsInput = {
  parts: UploadPart[];
  note: string | null;
  dryRun: boolean;
  tokenId: number;
  /** most rows (scores) the upload's files may hold together: 413 past it (ATLAS_UPLOAD_LIMIT_ROWS) */
  maxRows: number;
  /** how the uploader placed models the registry does not know; stored with the results */
  models?: ModelMapping[];
  /** the request's signal: a client gone before the commit gets nothing stored */
  signal?: AbortSignal;
};

/** Deadlock / serialization failure: two uploads met on the same rows in different orders; the loser retries. */
const RETRYABLE = new Set(["40P01", "40001"]);

async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (attempt >= 3 || typeof code !== "string" || !RETRYABLE.has(code)) throw err;
    }
  }
}

const ingestWithRetry = (input: IngestFileInput) => withRetry(() => ingestFile(input));

/**
 * Stores every file in one transaction, each in a savepoint: all of them or none.
 * A bad file does not stop the others being checked, so the 422 names every bad file.
 */
function commitAll(files: ReadPart[], base: Omit<IngestFileInput, "fileName" | "bytes">, signal?: AbortSignal): Promise<IngestFileOutcome[]> {
  return withTransaction(
    async (client) => {
      const outcomes: IngestFileOutcome[] = [];
      // items after results: an lm-eval samples file is placed by the results of the same upload
      for (const i of samplesLast(files)) {
        const file = files[i];
        if ("error" in file) outcomes[i] = refusedFile(file);
        else outcomes[i] = await ingestFile({ ...base, fileName: file.part.fileName, bytes: file.part.bytes, parsed: file.parsed, items: file.items, transaction: client });
      }
      return outcomes;
    },
    // a file refused by the database left an error on the connection: roll back, and the connection goes
    { commit: (outcomes) => outcomes.every((o) => o.ok), signal },
  );
}

function samplesLast(files: ReadPart[]): number[] {
  const isSamples = (f: ReadPart) => "parsed" in f && f.parsed.format === "lm-eval-samples";
  return files.map((_, i) => i).sort((a, b) => Number(isSamples(files[a])) - Number(isSamples(files[b])));
}

function rejected(outcomes: IngestFileOutcome[]): AppError {
  const errors = outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
  return new AppError(422, "invalid_file", errors.join("; "));
}

/** A file its parser refused: no database work, its problem reported with the others. */
function refusedFile(file: Extract<ReadPart, { error: string }>): IngestFileOutcome {
  return { ok: false, fileName: file.part.fileName, error: file.error };
}

async function preview(read: ReadPart, registry: RegistryLookup, note: string | null) {
  const { part } = read;
  let planned: ReturnType<typeof toUploadPreview> | null = null;
  const outcome = "error" in read ? refusedFile(read) : await ingestWithRetry({
    fileName: part.fileName, bytes: part.bytes, parsed: read.parsed, items: read.items, registry, note, dryRun: true,
    inspect: (plan) => (planned = toUploadPreview(plan)),
  });
  const sha256 = createHash("sha256").update(part.bytes).digest("hex");
  const empty = { format: null, models: [], tasks: [], metrics: [], shots: [] };
  if (!outcome.ok) {
    return { outcome, file: { fileName: part.fileName, sha256, ok: false, alreadyUploaded: false, parsed: 0, inserted: 0, updated: 0, skipped: 0, missingValues: 0, ...empty, problems: [outcome.error] } satisfies FilePreview };
  }
  const file: FilePreview = {
    fileName: part.fileName, sha256, ok: true, ...(planned ?? empty),
    alreadyUploaded: outcome.alreadyUploaded, parsed: outcome.parsed, inserted: outcome.inserted, updated: outcome.updated,
    skipped: outcome.skipped, missingValues: outcome.missingValues, problems: [],
  };
  return { outcome, file };
}

/**
 * POST /api/uploads behind the route: every file decoded and parsed once, up
 * front (400 for transport problems and unreadable JSON, 413 past the row
 * limit), then ingestFile per file, as the CLI does, but all files in one transaction:
 * stored all together or not at all. Each file queues the task views it changed;
 * the analysis runs in the background after the response (GET /api/analysis
 * says `pending` until it is stored). Models are resolved
 * against the registry files, then the models stored by earlier uploads; the
 * upload's model mappings go in front, so they are written with each file's
 * results, in its transaction, like a --models entry. A dry run answers the
 * preview and stores nothing.
 */
export async function createUploads(input: CreateUploadsInput): Promise<CreateUploadResponse> {
  const files = await readUploadParts(input.parts, input.maxRows);
  // nothing to check against the database: refuse without touching it
  const refused = files.flatMap((f) => ("error" in f ? [refusedFile(f)] : []));
  if (!input.dryRun && refused.length === files.length) throw rejected(refused);
  const registry = await buildRegistry({ mappings: input.models ?? [] });
  if (input.dryRun) {
    const previews = [];
    for (const file of files) previews.push(await preview(file, registry, input.note));
    return { dryRun: true, summary: summarizeOutcomes(previews.map((p) => p.outcome)), files: previews.map((p) => p.file) };
  }
  const outcomes = await withRetry(() => commitAll(files, { registry, note: input.note, tokenId: input.tokenId }, input.signal));
  if (outcomes.some((o) => !o.ok)) throw rejected(outcomes);
  const done = outcomes.filter((o): o is Extract<IngestFileOutcome, { ok: true }> => o.ok);
  const analysisQueued = new Set(done.flatMap((o) => o.touched.map((g) => `${g.taskId}|${g.metricId}|${g.shots}`))).size;
  if (analysisQueued > 0) nudgeAnalysisWorkers();
  const summary = summarizeOutcomes(done);
  const alreadyUploaded = done.every((o) => o.alreadyUploaded);
  if (input.parts.length === 1) return { uploadId: done[0].uploadId!, alreadyUploaded, summary, analysisQueued };
  return { uploadIds: done.map((o) => o.uploadId!), alreadyUploaded, summary, analysisQueued };
}
