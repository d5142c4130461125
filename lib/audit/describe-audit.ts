import type { AuditClaim, AuditMetricVerdict, AuditTask, EmergenceClaim } from "@/lib/schemas/audit";
import type { ReportRules } from "./audit-report";
import { AGREEMENT_LABEL, AGREEMENT_ORDER } from "./to-agreement";

/** The emergent scale as the source prints it, or that it gives none. */
export function describeScale(claim: EmergenceClaim): string {
  const parts = [claim.emergentFlops && `${claim.emergentFlops} training FLOPs`, claim.emergentParams && `${claim.emergentParams} parameters`].filter(Boolean);
  return parts.length > 0 ? `${parts.join(", ")} (as printed in ${claim.where.split(";")[0]})` : "not stated in the source as a number";
}

/** What the claim says under which metric, and which stored metric it is read under. */
export function describeExpectations(claim: EmergenceClaim): string {
  return claim.expects
    .map((e) => {
      const metric = e.metric ?? "a metric the source does not name there";
      const store = e.storeMetrics.length > 0 ? `read here under ${e.storeMetrics.join(", ")}` : "no such metric in the store";
      return `${e.verdict} under ${metric} (${store})`;
    })
    .join("; ");
}

/** The rules every stored verdict was decided with, as docs/verdicts.md states them. */
export function describeRules(r: ReportRules): string {
  return `α = ${r.alpha}; W = ${r.maxAbruptWidth} decade (the widest 10–90 % rise still called abrupt); δ = ${r.equivalenceShare * 100} % of the metric's range (equivalence margin); at least ${r.minScales} sizes per family`;
}

/** One family's paired evidence under one metric, in a cell. */
export function describePaired(m: AuditMetricVerdict, alpha: number): string {
  if (m.paired) {
    const sig = m.paired.steps.filter((s) => s.pValue < alpha).length;
    return `${sig} of ${m.paired.steps.length} adjacent steps with p < ${alpha} (exact McNemar, Holm-adjusted)`;
  }
  return m.itemModels === 0 ? "no per-item outputs" : "no per-item outputs for this family";
}

/** A task view's paired-test state, as a sentence (true of the store, not a placeholder). */
export function describeViewItems(task: string, metric: string, itemModels: number): string {
  return itemModels === 0
    ? `No per-item outputs are stored for ${task} / ${metric}, so no paired test between adjacent sizes can be made: ingest per-item files (lm-eval samples_*.jsonl, Inspect logs, HELM per_instance_stats) to add them.`
    : `Per-item outputs are stored for ${itemModels} model${itemModels === 1 ? "" : "s"} of ${task} / ${metric}; paired tests between adjacent sizes are shown where they were computed.`;
}

/** "3 agree, 1 disagrees, 10 no rise in range" over a task's families; "no family with a verdict" when empty. */
export function describeTally(task: AuditTask): string {
  const parts = AGREEMENT_ORDER.filter((a) => task.tally[a] > 0).map((a) => `${task.tally[a]} ${AGREEMENT_LABEL[a]}`);
  return parts.length > 0 ? parts.join(", ") : "no family with a stored verdict";
}

/** One view per metric of a task, in the order the rows list them. */
export function taskViews(task: AuditTask): { metric: string; itemModels: number }[] {
  const seen = new Map<string, number>();
  for (const f of task.families) for (const m of f.byMetric) if (!seen.has(m.metric)) seen.set(m.metric, m.itemModels);
  return task.metrics.map((metric) => ({ metric, itemModels: seen.get(metric) ?? 0 }));
}

/** What each reading against a claim means, in one sentence for a report's head. */
export const AGREEMENT_LEGEND =
  "agrees (the claimed verdict), disagrees (smooth or declining where abrupt was claimed, or the reverse), no rise in range (near floor or flat over the family's sizes: an ability that appears later is not ruled out), cannot tell (too few sizes, suspect zero, or undecided tests), no claim under this metric (shown for comparison)";

/** A claim's line in a summary table: its tasks (each in the store or not) and its families' readings per task. */
export function summarizeClaim(claim: AuditClaim): { source: string; tasks: string; families: string } {
  return {
    source: `${claim.source.split(",")[0]}, ${claim.where}`,
    tasks: claim.tasks.length === 0 ? "not in the store" : claim.tasks.map((t) => (t.inStore ? t.task : `${t.task} (not in the store)`)).join(", "),
    families: claim.tasks.filter((t) => t.inStore).map((t) => `${t.task}: ${describeTally(t)}`).join("; ") || "—",
  };
}
