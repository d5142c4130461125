import type { AuditClaim, AuditQuery, StoreCounts } from "@/lib/schemas/audit";

/** The verdict rules a report states (lib/emergence/verdict-rules.ts). */
export type ReportRules = { alpha: number; maxAbruptWidth: number; equivalenceShare: number; minScales: number };

/** The audit as the page and the report show it: when, on which axis, over what store, under which rules. */
export type Audit = {
  generatedAt: string;
  x: AuditQuery["x"];
  counts: StoreCounts;
  rules: ReportRules;
  claims: AuditClaim[];
  /** the latest time a verdict shown was computed; null when none is stored */
  analysedAt: string | null;
};

/** A task view's figure, keyed by task and metric. */
export const figureKey = (task: string, metric: string) => `${task}\u0000${metric}`;

/** The audit's axis as the report names it. */
export const AXIS_NAME: Record<AuditQuery["x"], string> = { params: "parameters", tokens: "training tokens", flops: "training FLOPs" };
