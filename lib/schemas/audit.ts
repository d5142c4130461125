import { z } from "zod";
import { scaleAxisSchema } from "./curves";
import { verdictSchema } from "./analysis";

/** What a claim says a curve does under one metric: "abrupt" (emergent) or "smooth" (the mirage's reading). */
export const claimedVerdictSchema = verdictSchema.extract(["abrupt", "smooth"]);

export const claimExpectationSchema = z.object({
  /** the metric as the source names it ("BLEU", "token edit distance"); null: the source does not name it there */
  metric: z.string().min(1).nullable(),
  /** the stored metrics that measure it; empty: the store has none */
  storeMetrics: z.array(z.string().min(1)),
  verdict: claimedVerdictSchema,
});

/**
 * One claim of the literature about one ability, as its source states it. Numbers
 * are copied as printed (e.g. "2.3E+22"), null where the source gives none there:
 * never filled in.
 */
export const emergenceClaimSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** the paper, as cited (authors year, title, venue) */
  source: z.string().min(1),
  /** where in it: "Table 1", "Figure 2B" */
  where: z.string().min(1),
  /** the ability or task as the paper names it */
  ability: z.string().min(1),
  /** the models or families it was claimed for */
  claimedFor: z.string().min(1),
  /** the emergent scale as printed, null when the source gives none for this ability */
  emergentFlops: z.string().nullable(),
  emergentParams: z.string().nullable(),
  /** what the claim says, metric by metric */
  expects: z.array(claimExpectationSchema).min(1),
  /** the task names (as the store names them) that measure the same ability; those without stored results are listed as "not in the store" */
  storeTasks: z.array(z.string().min(1)),
  /** how the store's tasks relate to the paper's, and what is not recorded */
  note: z.string().min(1),
});
export type EmergenceClaim = z.infer<typeof emergenceClaimSchema>;

/** How a family's stored verdict reads against a claim under one metric. */
export const agreementSchema = z.enum([
  /** the verdict is the claimed one */
  "agrees",
  /** decided, and it contradicts the claim (smooth or declining where abrupt was claimed, abrupt where smooth was) */
  "disagrees",
  /** no change beyond ±δ over the family's sizes (near floor or flat): neither for nor against an ability claimed at some scale */
  "no-rise",
  /** cannot tell, or suspect zero: the data decide nothing */
  "undecided",
  /** the claim says nothing about this metric */
  "no-claim",
]);
export type Agreement = z.infer<typeof agreementSchema>;

/** Per-item paired tests between adjacent sizes (McNemar on the discordant items): filled in where per-item outputs exist. */
export const pairedStepSchema = z.object({
  smaller: z.string(),
  larger: z.string(),
  /** items only the smaller / only the larger model got right */
  onlySmaller: z.number().int().min(0),
  onlyLarger: z.number().int().min(0),
  pValue: z.number().min(0).max(1),
});
export const pairedEvidenceSchema = z.object({ steps: z.array(pairedStepSchema) });
export type PairedEvidence = z.infer<typeof pairedEvidenceSchema>;

export const auditMetricVerdictSchema = z.object({
  metric: z.string(),
  shots: z.number().int().nullable(),
  filter: z.string(),
  verdict: verdictSchema,
  agreement: agreementSchema,
  /** the deciding reason and the evidence table's numbers (lib/charts/prepare-evidence.ts) */
  reason: z.string(),
  width: z.string(),
  p: z.string(),
  threshold: z.string(),
  change: z.string(),
  scales: z.number().int(),
  /** the task page showing this view and family */
  href: z.string(),
  /** models of the view with per-item outputs stored (0: none, so no paired test can be made) */
  itemModels: z.number().int().min(0),
  paired: pairedEvidenceSchema.optional(),
});
export type AuditMetricVerdict = z.infer<typeof auditMetricVerdictSchema>;

export const auditFamilyRowSchema = z.object({
  family: z.string(),
  byMetric: z.array(auditMetricVerdictSchema),
  /** the same-models comparison under every metric (compareMetrics), when the task has more than one */
  sameModels: z.object({ statement: z.string(), dependsOnMetric: z.boolean(), models: z.number().int() }).nullable(),
  /** the claim's reading for this family: the agreement under the claim's own metrics */
  overall: agreementSchema,
});
export type AuditFamilyRow = z.infer<typeof auditFamilyRowSchema>;

export const auditTaskSchema = z.object({
  task: z.string(),
  /** false: no result of this task is stored */
  inStore: z.boolean(),
  metrics: z.array(z.string()),
  families: z.array(auditFamilyRowSchema),
  /** how many families agree, disagree, ... under the claim's metrics */
  tally: z.record(agreementSchema, z.number().int()),
});

export type AuditTask = z.infer<typeof auditTaskSchema>;

export const auditClaimSchema = emergenceClaimSchema.extend({ tasks: z.array(auditTaskSchema) });
export type AuditClaim = z.infer<typeof auditClaimSchema>;

export const auditQuerySchema = z.object({
  /** the scale axis the stored verdicts are read on */
  x: scaleAxisSchema.default("params"),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditReportQuerySchema = auditQuerySchema.extend({ format: z.enum(["html", "md"]).default("html") });

/** What the store holds, as a report states it so that a reader can tell whether they hold the same. */
export const storeCountsSchema = z.object({
  uploads: z.number().int(),
  /** tasks with results, groups left out */
  tasks: z.number().int(),
  models: z.number().int(),
  families: z.number().int(),
  results: z.number().int(),
  /** stored curve analyses on the audit's axis */
  curves: z.number().int(),
});
export type StoreCounts = z.infer<typeof storeCountsSchema>;
