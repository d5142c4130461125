import { z } from "zod";
import { scaleAxisSchema, shotsParamSchema } from "./curves";
import { familyComparisonSchema } from "./comparison";

export const itemsQuerySchema = z.object({
  task: z.string().min(1, "is required").max(200),
  /** default: the family with items on the view that has the most models with items */
  family: z.string().min(1).max(200).optional(),
  /** the sharp metric whose items are mapped (default: as the task page picks it) */
  metric: z.string().min(1).max(200).optional(),
  shots: shotsParamSchema.optional(),
  filter: z.string().min(1).max(200).optional(),
  x: scaleAxisSchema.default("params"),
  /** the page of item rows (ordered as the flip map orders them) */
  offset: z.coerce.number().int("must be a whole number").min(0).default(0),
  limit: z.coerce.number().int("must be a whole number").min(1).max(500).default(50),
});
export type ItemsQuery = z.infer<typeof itemsQuerySchema>;

const interval = z.tuple([z.number(), z.number()]);

export const itemStandingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("from"), size: z.number().int() }),
  z.object({ kind: z.literal("worse"), lastCorrect: z.number().int() }),
  z.object({ kind: z.literal("never") }),
]);

export const itemsResponseSchema = z.object({
  task: z.string(),
  metric: z.string(),
  shots: z.number().int().nullable(),
  filter: z.string(),
  family: z.string(),
  /** every family with items on this view, for a picker */
  families: z.array(z.string()),
  x: scaleAxisSchema,
  /** the family's models with items, smallest first: the columns */
  models: z.array(z.object({
    model: z.string(),
    x: z.number().positive(),
    /** items this model has a score for */
    items: z.number().int(),
    /** mean of the sharp metric over the complete items (scored under every model) */
    mean: z.number().nullable(),
    /** item-bootstrap 95% percentile interval of that mean (seeded) */
    interval: interval.nullable(),
    /** the aggregate the results file reported, to compare with the items' mean */
    reported: z.number().nullable(),
    /** the mean against chance, read from its interval (lib/emergence/items/against-chance.ts); null when either is unknown */
    againstChance: z.enum(["above", "at", "below"]).nullable(),
  })),
  /** the sharp metric's chance level on this task (the registry's); null when it is not known */
  chance: z.number().nullable(),
  /** items scored under every model (the flip map's rows), and those left out */
  complete: z.number().int(),
  incomplete: z.number().int(),
  flipMap: z.object({
    bins: z.array(z.object({ from: z.number().int(), to: z.number().int(), correct: z.array(z.number()), mean: z.array(z.number()), worse: z.number() })),
    steps: z.array(z.object({ to: z.number().int(), gained: z.number(), lost: z.number(), settles: z.number() })),
    correctThroughout: z.number(),
    worse: z.number(),
    never: z.number(),
  }),
  rows: z.object({
    offset: z.number().int(),
    limit: z.number().int(),
    items: z.array(z.object({ key: z.string(), values: z.array(z.number()), standing: itemStandingSchema })),
  }),
  /** the exact McNemar test between adjacent sizes, Holm-adjusted over the steps */
  pairedTests: z.array(z.object({
    from: z.string(),
    to: z.string(),
    n: z.number().int(),
    both: z.number().int(),
    firstOnly: z.number().int(),
    secondOnly: z.number().int(),
    neither: z.number().int(),
    p: z.number(),
    pAdjusted: z.number(),
    /** accuracy of `to` minus `from` on the same items, with Newcombe's paired 95% interval */
    effect: z.number(),
    interval,
    significant: z.boolean(),
  })),
  mirage: z.object({
    /** the scores compared: the sharp metric first, then each continuous one */
    scores: z.array(z.object({ name: z.string(), source: z.enum(["stored", "computed"]) })),
    items: z.number().int(),
    comparison: familyComparisonSchema.nullable(),
    adds: z.string(),
  }),
});
export type ItemsResponse = z.infer<typeof itemsResponseSchema>;
