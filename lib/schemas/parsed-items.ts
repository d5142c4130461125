import { z } from "zod";
import { boundedValueSchema } from "./number-limits";
import { sourceLocationSchema, type ParsedFile } from "./parsed-file";

const name = z.string().min(1).max(200);

/**
 * One scored item (a benchmark question) as a file states it: lm-eval
 * `samples_<task>_<date>.jsonl` lines, HELM `per_instance_stats.json` entries,
 * Inspect `samples[]`. The model and checkpoint are the file's (lm-eval samples
 * files do not name them: they sit beside their results file).
 */
export const parsedItemSchema = z
  .object({
    task: name,
    /** the item's id in its dataset: lm-eval doc_id (an index), HELM instance_id, Inspect sample id */
    docId: z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), name]).nullable(),
    /** lm-eval doc_hash (sha256 of the document), when the file has one */
    docHash: name.nullable(),
    /** which repeat of the item: Inspect's epoch (1-based), HELM's train_trial_index + 1; null when items are not repeated */
    epoch: z.number().int().positive().max(1_000_000).nullable(),
    /** lm-eval filter, Inspect scorer, HELM perturbation; "none" when the format has none (as for results) */
    filter: name,
    /**
     * metric → this item's value. Null when the item's value is not one number
     * (lm-eval corpus metrics such as bleu or perplexity keep per-item tuples that
     * only mean something aggregated) or is missing: never 0 in its place.
     */
    metrics: z.record(name, boundedValueSchema.nullable()),
    /** the reference answer as text (a number or list written as JSON), null when absent */
    target: z.string().nullable(),
    /** the model's (filtered) answer as text, null when the file has no text answer (log-likelihood tasks) */
    response: z.string().nullable(),
    source: sourceLocationSchema,
  })
  .refine((item) => item.docId !== null || item.docHash !== null, { message: "an item needs a doc id or a doc hash", path: ["docId"] });

export type ParsedItem = z.infer<typeof parsedItemSchema>;

/** A file read whole that carries both scores and the items behind them (HELM run folders, Inspect logs). */
export type ParsedFileWithItems = { file: ParsedFile; items: ParsedItem[] };
