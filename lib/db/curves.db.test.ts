import { beforeAll, describe, expect, it } from "vitest";
import { getCurves } from "./curves";
import { getAnalysis } from "./analysis";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { curvesResponseSchema } from "@/lib/schemas/curves";
import type { RegistryLookup } from "@/lib/ingest/plan-types";

let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

describe("getCurves", () => {
  it("lists a step-0 checkpoint (0 tokens seen) as unplaced on the log checkpoint axis", async () => {
    const task = uniqueName("task");
    const rows = ["step0", "step1000", "step2000"].map((revision, i) => ({ model: "pythia-70m", revision, task, metric: "acc", value: 0.25 + i / 10, shots: 0 }));
    const outcome = await ingestFile({ fileName: "steps.csv", bytes: longCsv(rows), registry });
    expect(outcome.ok).toBe(true);
    const curves = await getCurves({ task, x: "checkpoint" });
    expect(curvesResponseSchema.safeParse(curves).success).toBe(true);
    expect(curves.options.checkpointModels).toEqual(["pythia-70m"]);
    expect(curves.series[0].points.map((p) => p.value)).toEqual([0.35, 0.45]);
    expect(curves.unplaced).toEqual([{ model: "pythia-70m @ step 0", value: 0.25 }]);
  });

  it("finds unknown shots (NULL) as a view of its own, for curves and analysis", async () => {
    const task = uniqueName("task");
    const outcome = await ingestFile({
      fileName: "shots.csv",
      bytes: longCsv([
        { model: "pythia-70m", task, metric: "acc", value: 0.3 },
        { model: "pythia-70m", task, metric: "acc", value: 0.4, shots: 5 },
      ]),
      registry,
    });
    expect(outcome.ok).toBe(true);
    const unknown = await getCurves({ task, shots: "unknown", x: "params" });
    expect(unknown.options.shots).toEqual([5, null]);
    expect(unknown.series[0].points.map((p) => p.value)).toEqual([0.3]);
    const five = await getCurves({ task, x: "params" });
    expect([five.shots, five.series[0].points[0].value]).toEqual([5, 0.4]);
    expect(await getAnalysis({ task, shots: "unknown", x: "params" })).toMatchObject({ shots: null, analyses: [], pending: true, failed: null });
  });
});
