import { beforeAll, describe, expect, it } from "vitest";
import { getAnalysis } from "@/lib/db/analysis";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { listOverview } from "@/lib/db/overview";
import { refreshAnalyses } from "./refresh-analyses";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv } from "@/lib/testing/factories";
import { GET as analysisRoute } from "@/app/api/analysis/route";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import type { RegistryLookup } from "@/lib/ingest/plan-types";

const SIZES = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

/** arc_easy (chance 0.25) at a shot count no other test uses: a task view of its own. */
async function ingestCurve(shots: number, values: number[], fileName: string) {
  const rows = SIZES.map((model, i) => ({ model, task: "arc_easy", metric: "acc", value: values[i], stderr: 0.01, shots }));
  const outcome = await ingestFile({ fileName, bytes: longCsv(rows), registry });
  if (!outcome.ok) throw new Error(outcome.error);
  return refreshAnalyses(outcome.touched);
}

describe("stored emergence analyses", () => {
  it("finds a step from chance as abrupt, stores every axis, and analyses it again when new data changes the curve", async () => {
    const shots = 40 + Math.floor(Math.random() * 460);
    const refreshed = await ingestCurve(shots, [0.25, 0.25, 0.26, 0.25, 0.8, 0.81, 0.8, 0.82], `step-${shots}.csv`);
    expect(refreshed.analysedCurves).toBe(3); // params, tokens, flops for the one family
    const step = await getAnalysis({ task: "arc_easy", metric: "acc", shots, x: "params" });
    expect(step.analyses).toHaveLength(1);
    const [pythia] = step.analyses;
    expect(pythia).toMatchObject({ family: "Pythia", verdict: "abrupt", best: expect.stringMatching(/logistic|hinge/) });
    // the step lies between pythia-1b (1.01e9) and pythia-1.4b (1.41e9)
    expect(pythia.threshold!.x).toBeGreaterThan(1.0e9);
    expect(pythia.threshold!.x).toBeLessThan(1.42e9);
    expect(pythia.transition!.pAbrupt).toBeLessThan(1e-6);
    expect(pythia.points.filter((p) => p.vsChance === "above").map((p) => p.model)).toEqual(SIZES.slice(4));
    // every Pythia size saw the same tokens: one scale on that axis
    const tokens = await getAnalysis({ task: "arc_easy", metric: "acc", shots, x: "tokens" });
    expect(tokens.analyses[0]).toMatchObject({ verdict: "cannot-tell", scales: 1 });

    const overview = await listOverview({ x: "params", verdict: "abrupt", q: "arc_easy", sort: "evidence", limit: 200, offset: 0 });
    const item = overview.items.find((i) => i.shots === shots && i.family === "Pythia");
    expect(item?.pValue).toBe(pythia.transition!.pAbrupt);
    expect(item?.qValue).toBeGreaterThanOrEqual(item!.pValue!);

    await ingestCurve(shots, [0.25, 0.3, 0.36, 0.42, 0.47, 0.53, 0.6, 0.65], `line-${shots}.csv`);
    const line = await getAnalysis({ task: "arc_easy", metric: "acc", shots, x: "params" });
    expect(line.analyses).toHaveLength(1);
    expect(line.analyses[0].verdict).toBe("smooth");
  });

  it("serves GET /api/analysis against its schema, 404 for a view without results", async () => {
    const shots = 500 + Math.floor(Math.random() * 498);
    await ingestCurve(shots, [0.25, 0.25, 0.25, 0.26, 0.25, 0.24, 0.25, 0.25], `flat-${shots}.csv`);
    const res = await analysisRoute(new Request(`http://127.0.0.1/api/analysis?task=arc_easy&metric=acc&shots=${shots}`));
    expect(res.status).toBe(200);
    const body = analysisResponseSchema.parse(await res.json());
    expect(body.analyses[0]).toMatchObject({ family: "Pythia", verdict: "near-floor" });
    expect(body.filter).toBe("none");
    expect(body.computedAt).not.toBeNull();
    const missing = await analysisRoute(new Request("http://127.0.0.1/api/analysis?task=arc_easy&metric=acc&shots=999"));
    expect(missing.status).toBe(404);
  });
});
