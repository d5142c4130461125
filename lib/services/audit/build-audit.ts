import "server-only";
import { getAnalysis } from "@/lib/db/analysis";
import { countItemModels } from "@/lib/db/item-models";
import { getStoreCounts } from "@/lib/db/store-counts";
import { listTasks } from "@/lib/db/tasks";
import { getComparison } from "@/lib/services/analysis/comparison";
import { readPairedEvidence } from "./paired-evidence";
import { buildAuditClaims, type StoredTask, type StoredView } from "@/lib/audit/build-audit-claims";
import { EMERGENCE_CLAIMS } from "@/lib/audit/emergence-claims";
import { VERDICT_RULES } from "@/lib/emergence/verdict-rules";
import type { Audit } from "@/lib/audit/audit-report";
import type { AuditQuery } from "@/lib/schemas/audit";

/**
 * One task a claim names, as the store holds it: each metric's default view (fewest
 * shots, unfiltered score) with its stored analyses on the axis, how many of its
 * models have per-item outputs, and — with several metrics — the same-models
 * comparison (the mirage test, computed on the analysis thread).
 */
async function readStoredTask(task: string, metrics: string[], x: AuditQuery["x"]): Promise<{ stored: StoredTask; computedAt: (string | null)[] }> {
  const analyses = await Promise.all(metrics.map((metric) => getAnalysis({ task, metric, x })));
  const views: StoredView[] = await Promise.all(
    analyses.map(async (a) => {
      const key = { task, metric: a.metric, shots: a.shots, filter: a.filter };
      const itemModels = await countItemModels(key);
      return { metric: a.metric, shots: a.shots, filter: a.filter, analyses: a.analyses, itemModels, ...(itemModels > 0 ? { paired: await readPairedEvidence(key, x) } : {}) };
    }),
  );
  const comparison = metrics.length > 1 ? (await getComparison({ task, x, shots: analyses[0].shots ?? "unknown" })).families : null;
  return { stored: { task, views, comparison }, computedAt: analyses.map((a) => a.computedAt) };
}

/** The emergence audit over the store: every claim of lib/audit/emergence-claims.ts against the stored verdicts. */
export async function buildAudit(query: AuditQuery, now: Date = new Date()): Promise<Audit> {
  const wanted = new Set(EMERGENCE_CLAIMS.flatMap((c) => c.storeTasks));
  const { tasks } = await listTasks();
  const present = tasks.filter((t) => wanted.has(t.name));
  const read = await Promise.all(present.map((t) => readStoredTask(t.name, t.metrics, query.x)));
  const stored = new Map(read.map((r) => [r.stored.task, r.stored]));
  const times = read.flatMap((r) => r.computedAt).filter((t): t is string => t !== null).sort();
  return {
    generatedAt: now.toISOString(),
    x: query.x,
    counts: await getStoreCounts(query.x),
    rules: { alpha: VERDICT_RULES.alpha, maxAbruptWidth: VERDICT_RULES.maxAbruptWidth, equivalenceShare: VERDICT_RULES.equivalenceShare, minScales: VERDICT_RULES.minScales },
    claims: buildAuditClaims(EMERGENCE_CLAIMS, stored, query.x),
    analysedAt: times.at(-1) ?? null,
  };
}
