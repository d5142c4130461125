import type { ModelPlan, RegistryLookup } from "@/lib/ingest/plan-types";
import { getPool } from "@/lib/db/client";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { refreshAnalyses } from "@/lib/services/analysis/refresh-analyses";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName } from "./factories";

export type FamilyCurve = { family: string; task: string; models: { id: number; name: string; parameters: number }[] };

const SIZES = [7e7, 1.6e8, 4.1e8, 1e9, 1.4e9, 2.8e9];

export function withModels(base: RegistryLookup, models: ModelPlan[]): RegistryLookup {
  const byName = new Map(models.map((m) => [m.name, m]));
  return { ...base, resolveModel: (name) => byName.get(name) ?? base.resolveModel(name) };
}

/**
 * A family of its own (six models of known parameters and tokens, FLOPs estimated)
 * with a stored, analysed curve on a task of its own: what a registry edit moves.
 */
export async function makeFamilyCurve(values = [0.25, 0.26, 0.3, 0.42, 0.55, 0.7]): Promise<FamilyCurve> {
  const family = uniqueName("Fam");
  const task = uniqueName("edit_task");
  const plans: ModelPlan[] = SIZES.map((parameters, i) => ({
    name: uniqueName(`lab/m${i}`), family, parameters, trainingTokens: 3e11, trainingFlops: 6 * parameters * 3e11, flopsEstimated: true,
    tokensPerStep: null, finalStep: null, source: "test factory", aliases: [], overwrite: true,
  }));
  const rows = plans.map((m, i) => ({ model: m.name, task, metric: "acc", value: values[i], stderr: 0.01, shots: 0 }));
  const outcome = await ingestFile({ fileName: `${task}.csv`, bytes: longCsv(rows), registry: withModels(await buildRegistry(), plans) });
  if (!outcome.ok) throw new Error(outcome.error);
  await refreshAnalyses(outcome.touched);
  const { rows: ids } = await getPool().query<{ id: number; name: string }>("SELECT id, name FROM model WHERE name = ANY($1::text[])", [plans.map((p) => p.name)]);
  const idOf = new Map(ids.map((r) => [r.name, r.id]));
  return { family, task, models: plans.map((p) => ({ id: idOf.get(p.name)!, name: p.name, parameters: p.parameters! })) };
}

/** A JSON request to the registry routes, as a script (no Origin) or a page (with Origin) sends it. */
export function jsonRequest(method: string, path: string, body: unknown, opts: { token?: string | null; origin?: string } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.origin) headers.origin = opts.origin;
  return new Request(`http://atlas.test${path}`, { method, headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}
