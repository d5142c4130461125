import "server-only";
import { getItemFlips } from "@/lib/services/items/item-flips";
import { AppError } from "@/lib/errors/app-error";
import type { AuditQuery, PairedEvidence } from "@/lib/schemas/audit";

export type ViewKey = { task: string; metric: string; shots: number | null; filter: string };

/**
 * Per family with per-item outputs on the view, the exact McNemar tests between its adjacent
 * sizes (lib/services/items, Holm-adjusted over the family's steps): the same tests the task
 * page's items section shows.
 */
export async function readPairedEvidence(view: ViewKey, x: AuditQuery["x"]): Promise<Record<string, PairedEvidence>> {
  const base = { task: view.task, metric: view.metric, shots: view.shots ?? ("unknown" as const), filter: view.filter, x, offset: 0, limit: 1 };
  const first = await getItemFlips(base).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) return null; // items only of models outside any family
    throw err;
  });
  if (first === null) return {};
  const reports = await Promise.all(first.families.map((family) => (family === first.family ? first : getItemFlips({ ...base, family }))));
  return Object.fromEntries(reports.map((r) => [r.family, {
    steps: r.pairedTests.map((t) => ({ smaller: t.from, larger: t.to, onlySmaller: t.firstOnly, onlyLarger: t.secondOnly, pValue: t.pAdjusted })),
  }]));
}
