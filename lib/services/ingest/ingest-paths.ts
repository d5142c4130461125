import "server-only";
import { listInputFiles } from "@/lib/services/ingest/list-input-files";
import { summarizeOutcomes, type IngestSummary } from "@/lib/ingest/summarize-outcomes";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import type { ParsedFile } from "@/lib/schemas/parsed-file";
import { ingestFile, type IngestFileOutcome } from "./ingest-file";
import { readInputEntry } from "./read-input-entry";
import { drainAnalysisQueue } from "@/lib/services/analysis/drain";

export type IngestPathsOptions = {
  registry: RegistryLookup;
  note?: string | null;
  dryRun?: boolean;
  /** called before each file, as its rows are written, and once more with its outcome */
  onProgress?: (p: { file: string; fileIndex: number; files: number; rowsDone: number; rows: number; outcome?: IngestFileOutcome }) => void;
};

/**
 * Ingests files and folders one input (one transaction) at a time; a bad file
 * never stops the rest. Each file queues the task views it changed, in its
 * transaction; then the queue is drained before returning (a CLI run ends with
 * its analyses stored).
 */
export async function ingestPaths(paths: string[], opts: IngestPathsOptions): Promise<IngestSummary & { analysedCurves: number }> {
  const entries = listInputFiles(paths);
  const outcomes: IngestFileOutcome[] = [];
  const resultsCache = new Map<string, ParsedFile | null>();
  for (const [fileIndex, entry] of entries.entries()) {
    const file = entry.path;
    const report = (rowsDone: number, rows: number, outcome?: IngestFileOutcome) =>
      opts.onProgress?.({ file, fileIndex, files: entries.length, rowsDone, rows, outcome });
    report(0, 0);
    let outcome: IngestFileOutcome;
    try {
      const read = await readInputEntry(entry, resultsCache);
      outcome = await ingestFile({
        fileName: read.fileName, bytes: read.bytes, sha256: read.sha256, source: read.source,
        registry: opts.registry, note: opts.note, dryRun: opts.dryRun, onProgress: report,
      });
    } catch (err) {
      if (err instanceof IngestError) outcome = { ok: false, fileName: file, error: err.message };
      else if (typeof (err as NodeJS.ErrnoException).code === "string" && (err as NodeJS.ErrnoException).syscall !== undefined) {
        outcome = { ok: false, fileName: file, error: `${file}: cannot read (${(err as NodeJS.ErrnoException).code})` };
      } else throw err;
    }
    outcomes.push(outcome);
    report(0, 0, outcome);
  }
  const refreshed = await drainAnalysisQueue();
  return { ...summarizeOutcomes(outcomes), analysedCurves: refreshed.analysedCurves };
}
