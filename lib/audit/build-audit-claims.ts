import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { FamilyComparison } from "@/lib/schemas/comparison";
import type { ScaleAxis } from "@/lib/schemas/curves";
import type {
  Agreement, AuditClaim, AuditFamilyRow, AuditMetricVerdict, AuditTask, EmergenceClaim, PairedEvidence,
} from "@/lib/schemas/audit";
import { prepareEvidence } from "@/lib/charts/prepare-evidence";
import { toTaskHref } from "@/lib/view-state/task-view";
import { AGREEMENT_ORDER, combineAgreements, toAgreement } from "./to-agreement";

/** One stored task view (task × metric × shots × filter) on the audit's axis, with its stored analyses. */
export type StoredView = {
  metric: string;
  shots: number | null;
  filter: string;
  analyses: CurveAnalysis[];
  /** models of the view with per-item outputs stored */
  itemModels: number;
  /** per family, the paired tests between adjacent sizes, where they were computed */
  paired?: Record<string, PairedEvidence>;
};

/** What the store holds for one task: its views and, with several metrics, the same-models comparison. */
export type StoredTask = { task: string; views: StoredView[]; comparison: FamilyComparison[] | null };

function toMetricVerdict(claim: EmergenceClaim, task: string, view: StoredView, a: CurveAnalysis, x: ScaleAxis): AuditMetricVerdict {
  const claimed = claim.expects.find((e) => e.storeMetrics.includes(view.metric))?.verdict;
  const evidence = prepareEvidence(a);
  const paired = view.paired?.[a.family];
  return {
    metric: view.metric,
    shots: view.shots,
    filter: view.filter,
    verdict: a.verdict,
    agreement: toAgreement(claimed, a.verdict),
    reason: evidence.reason,
    width: evidence.width,
    p: evidence.p,
    threshold: evidence.threshold,
    change: evidence.change,
    scales: a.scales,
    href: toTaskHref({ task, metric: view.metric, shots: view.shots ?? "unknown", filter: view.filter, x }, [a.family]),
    itemModels: view.itemModels,
    ...(paired ? { paired } : {}),
  };
}

function toAuditTask(claim: EmergenceClaim, stored: StoredTask | undefined, name: string, x: ScaleAxis): AuditTask {
  const tally = Object.fromEntries(AGREEMENT_ORDER.map((a) => [a, 0])) as Record<Agreement, number>;
  if (!stored || stored.views.length === 0) return { task: name, inStore: false, metrics: [], families: [], tally };
  const familyNames = [...new Set(stored.views.flatMap((v) => v.analyses.map((a) => a.family)))];
  const families: AuditFamilyRow[] = familyNames.map((family) => {
    const byMetric = stored.views.flatMap((v) => {
      const a = v.analyses.find((x) => x.family === family);
      return a ? [toMetricVerdict(claim, name, v, a, x)] : [];
    });
    const compared = stored.comparison?.find((c) => c.family === family);
    return {
      family,
      byMetric,
      sameModels: compared ? { statement: compared.statement, dependsOnMetric: compared.dependsOnMetric, models: compared.models.length } : null,
      overall: combineAgreements(byMetric.map((m) => m.agreement).filter((g) => g !== "no-claim")),
    };
  });
  families.sort((a, b) => AGREEMENT_ORDER.indexOf(a.overall) - AGREEMENT_ORDER.indexOf(b.overall) || a.family.localeCompare(b.family));
  for (const f of families) tally[f.overall] += 1;
  return { task: name, inStore: true, metrics: stored.views.map((v) => v.metric), families, tally };
}

/**
 * The audit: every claim, each of its tasks as the store holds them (or "not in
 * the store"), every family with a stored verdict there under each metric, how
 * that verdict reads against the claim, the evidence numbers, and the link to the
 * task page's view of that family. Verdicts are the stored ones, never recomputed.
 */
export function buildAuditClaims(claims: EmergenceClaim[], stored: Map<string, StoredTask>, x: ScaleAxis): AuditClaim[] {
  return claims.map((claim) => ({ ...claim, tasks: claim.storeTasks.map((task) => toAuditTask(claim, stored.get(task), task, x)) }));
}

/** Whether any of a claim's tasks has stored results. */
export const isAddressable = (claim: AuditClaim) => claim.tasks.some((t) => t.inStore);
