import "server-only";
import { readFile } from "node:fs/promises";
import { listInputFiles } from "@/lib/services/ingest/list-input-files";
import { summarizeOutcomes, type IngestSummary } from "@/lib/ingest/summarize-outcomes";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import { ingestFile, type IngestFileOutcome } from "./ingest-file";
import { drainAnalysisQueue } from "@/lib/services/analysis/drain";

export type IngestPathsOptions = {
  registry: RegistryLookup;
  note?: string | null;
  dryRun?: boolean;
  /** called before each file and as its rows are written */
  onProgress?: (p: { file: string; fileIndex: number; files: number; rowsDone: number; rows: number }) => void;
};

/**
 * Ingests files and folders one file (one transaction) at a time; a bad file
 * never stops the rest. Each file queues the task views it changed, in its
 * transaction; then the queue is drained before returning (a CLI run ends with
 * its analyses stored).
 */
export async function ingestPaths(paths: string[], opts: IngestPathsOptions): Promise<IngestSummary & { analysedCurves: number }> {
  const files = listInputFiles(paths);
  const outcomes: IngestFileOutcome[] = [];
  for (const [fileIndex, file] of files.entries()) {
    const report = (rowsDone: number, rows: number) =>
      opts.onProgress?.({ file, fileIndex, files: files.length, rowsDone, rows });
    report(0, 0);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (err) {
      outcomes.push({ ok: false, fileName: file, error: `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? "error"})` });
      continue;
    }
    outcomes.push(
      await ingestFile({ fileName: file, bytes, registry: opts.registry, note: opts.note, dryRun: opts.dryRun, onProgress: report }),
    );
  }
  const refreshed = await drainAnalysisQueue();
  return { ...summarizeOutcomes(outcomes), analysedCurves: refreshed.analysedCurves };
}
