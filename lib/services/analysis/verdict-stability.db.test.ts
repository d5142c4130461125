import { beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "@/lib/emergence/random";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import { drainAnalysisQueue } from "@/lib/services/analysis/drain";
import { getPool } from "@/lib/db/client";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { listOverview } from "@/lib/db/overview";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";

// The measurement, as a test: planted steps among smooth curves keep their verdicts when
// thousands of unrelated straight-line curves are stored after them.
const SIZES = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
const PLANTED = 20;
const SMOOTH = 20;
const UNRELATED_TASKS = 1_000; // × 2 scale axes with 8 sizes (params, FLOPs) = 2,000 analysed curves
const SE = 0.015;
let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

function rows(task: string, values: number[]): LongRow[] {
  return SIZES.map((model, i) => ({ model, task, metric: "acc", value: values[i].toFixed(4), stderr: SE, shots: 0 }));
}

async function ingest(name: string, all: LongRow[]) {
  const outcome = await ingestFile({ fileName: `${name}.csv`, bytes: longCsv(all), registry });
  if (!outcome.ok) throw new Error(outcome.error);
  await drainAnalysisQueue();
}

async function storedAnalyses(prefix: string) {
  const { rows: stored } = await getPool().query<{ task: string; axis: string; verdict: string; analysis: unknown }>(
    `SELECT t.name AS task, a.axis, a.verdict, a.analysis FROM curve_analysis a JOIN task t ON t.id = a.task_id
     WHERE t.name LIKE $1 ORDER BY t.name, a.axis`,
    [`${prefix}%`],
  );
  return stored;
}

describe("verdicts do not depend on unrelated data", () => {
  it("keeps every planted step abrupt, and every stored analysis identical, after 2,000 unrelated curves arrive", async () => {
    const run = uniqueName("stability");
    const random = createRandom(2026);
    const noise = () => SE * random.normal();
    const planted: LongRow[] = [];
    for (let k = 0; k < PLANTED; k++) {
      const onset = 3 + (k % 3); // chance for the first 3–5 sizes, then a lift of 0.3–0.45
      const lift = 0.3 + 0.05 * (k % 4);
      planted.push(...rows(`${run}_planted_${k}`, SIZES.map((_, i) => 0.25 + (i >= onset ? lift : 0) + noise())));
    }
    for (let k = 0; k < SMOOTH; k++) {
      planted.push(...rows(`${run}_smooth_${k}`, SIZES.map((_, i) => 0.3 + (0.05 + 0.01 * (k % 3)) * i + noise())));
    }
    await ingest(`${run}-planted`, planted);
    const before = await storedAnalyses(run);
    const plantedParams = before.filter((r) => r.task.includes("_planted_") && r.axis === "params");
    expect(plantedParams).toHaveLength(PLANTED);
    expect(plantedParams.filter((r) => r.verdict === "abrupt").length).toBeGreaterThanOrEqual(PLANTED - 1);
    const smoothParams = before.filter((r) => r.task.includes("_smooth_") && r.axis === "params");
    expect(smoothParams.every((r) => r.verdict !== "abrupt")).toBe(true);
    const selection = { x: "params", q: run, sort: "q", limit: 200, offset: 0 } as const;
    const overviewBefore = await listOverview(selection);

    const unrelated: LongRow[] = [];
    for (let k = 0; k < UNRELATED_TASKS; k++) {
      unrelated.push(...rows(`${uniqueName("unrelated")}`, SIZES.map((_, i) => 0.26 + 0.04 * i + noise())));
    }
    await ingest(`${run}-unrelated`, unrelated);

    expect(await storedAnalyses(run)).toEqual(before);
    // the false-discovery control covers what is selected: the same selection gives the same q-values
    const overviewAfter = await listOverview(selection);
    expect(overviewAfter.items.map((i) => [i.task, i.qValue])).toEqual(overviewBefore.items.map((i) => [i.task, i.qValue]));
    expect(overviewAfter.fdr).toEqual(overviewBefore.fdr);
    expect(overviewAfter.fdr.abruptAtFdr5).toBeGreaterThanOrEqual(PLANTED - 1);
  }, 600_000);
});
