import type { ParsedFile } from "@/lib/schemas/parsed-file";
import type { ParsedItem } from "@/lib/schemas/parsed-items";
import { IngestError } from "./ingest-error";
import { samplesTaskOf } from "./parse-lm-eval-samples";

/**
 * Where a file's items belong: the one model and revision whose results they
 * sit behind, and the shots of each task as the results state them (items are
 * stored per checkpoint × task × metric × shots × filter, like results).
 */
export type ItemContext = { model: string; revision: string | null; shots: ReadonlyMap<string, number | null> };

/** Items, a whole list (HELM, Inspect) or a stream read a line at a time (lm-eval samples), with their context. */
export type ItemSource = { context: ItemContext; items: AsyncIterable<ParsedItem> | Iterable<ParsedItem> };

/**
 * The context from the results the items sit behind: a HELM run's or an Inspect
 * log's own results, or the results file an lm-eval samples file was written
 * beside. Results of several models cannot place items: refused.
 */
export function toItemContext(fileName: string, results: ParsedFile): ItemContext {
  const checkpoints = new Set(results.results.map((r) => `${r.model}\u0000${r.revision ?? ""}`));
  if (checkpoints.size !== 1) {
    throw new IngestError(fileName, `items need the results of one model to sit behind, found ${checkpoints.size}`);
  }
  const shots = new Map<string, number | null>();
  for (const r of results.results) if (!r.isGroup && !shots.has(r.task)) shots.set(r.task, r.shots);
  const first = results.results[0];
  return { model: first.model, revision: first.revision, shots };
}

const SAMPLES_DATE = /_(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?)\.jsonl$/;

/**
 * lm-eval writes `samples_<task>_<date>.jsonl` beside `results_<date>.json` of
 * the same run (same date): the results name the model, revision and shots a
 * samples file does not. Null when the name is not a samples file's.
 */
export function samplesResultsName(fileName: string): string | null {
  if (samplesTaskOf(fileName) === null) return null;
  const date = SAMPLES_DATE.exec(fileName);
  return date === null ? null : `results_${date[1]}.json`;
}

/** The context of a samples file from its results file; refused when that holds no results for the samples' task. */
export function toSamplesContext(fileName: string, results: ParsedFile | null): ItemContext {
  const task = samplesTaskOf(fileName);
  const resultsName = samplesResultsName(fileName);
  if (task === null || resultsName === null) throw new IngestError(fileName, "an lm-eval samples file is named samples_<task>_<date>.jsonl");
  if (results === null) {
    throw new IngestError(fileName, `its results file ${resultsName} must come with it (same folder or upload): it names the model, revision and shots`);
  }
  const context = toItemContext(resultsName, results);
  if (!context.shots.has(task)) throw new IngestError(fileName, `${resultsName} has no results for task ${task}`);
  return { ...context, shots: new Map([[task, context.shots.get(task) ?? null]]) };
}
