import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "./route";
import { pooledResponseSchema } from "@/lib/schemas/pooled";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { stopAnalysisThread } from "@/lib/services/analysis/analysis-process";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";

const task = uniqueName("pooled_task");
const PYTHIA = ["pythia-160m", "pythia-410m", "pythia-1b", "pythia-2.8b"];
const DEDUPED = ["pythia-160m-deduped", "pythia-410m-deduped", "pythia-1b-deduped", "pythia-2.8b-deduped"];

beforeAll(async () => {
  // two families, four sizes each (too few to judge alone), the same rise with the deduped one a little behind
  const rows: LongRow[] = [
    ...PYTHIA.map((model, i) => ({ model, task, metric: "acc", value: [0.26, 0.32, 0.52, 0.7][i], stderr: 0.01, shots: 0 })),
    ...DEDUPED.map((model, i) => ({ model, task, metric: "acc", value: [0.25, 0.28, 0.4, 0.62][i], stderr: 0.01, shots: 0 })),
  ];
  const outcome = await ingestFile({ fileName: "pooled.csv", bytes: longCsv(rows), registry: await buildRegistry() });
  if (!outcome.ok) throw new Error(outcome.error);
});
afterAll(() => stopAnalysisThread());

describe("GET /api/pooled", () => {
  it("puts the families on one curve with an offset each and judges it, saying what pooling assumes", async () => {
    const res = await GET(new Request(`http://127.0.0.1/api/pooled?task=${task}&x=params`));
    expect(res.status).toBe(200);
    const body = pooledResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ task, metric: "acc", shots: 0, filter: "none", x: "params" });
    expect(body.assumption).toMatch(/one curve in log-scale, shifted along the axis/);
    const pooled = body.pooled!;
    expect(pooled.analysis.family).toBe("(pooled)");
    expect(pooled.analysis.points).toHaveLength(8);
    expect(pooled.families.map((f) => f.family).sort()).toEqual(["Pythia", "Pythia-deduped"]);
    const deduped = pooled.families.find((f) => f.family !== pooled.reference)!;
    // the second family needs more parameters for the same score: a negative offset
    expect(Math.sign(deduped.shift!)).toBe(pooled.reference === "Pythia" ? -1 : 1);
  });
});
