import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "./route";
import { lossResponseSchema } from "@/lib/schemas/loss-axis";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { stopAnalysisThread } from "@/lib/services/analysis/analysis-process";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";

const task = uniqueName("loss_task");
const reference = uniqueName("loss_ref");
const SIZES = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
const PPL = [120, 60, 30, 18, 14, 10, 8, 7];

beforeAll(async () => {
  const rows: LongRow[] = [
    // accuracy on the task for every size; the reference perplexity for all but the largest
    ...SIZES.map((model, i) => ({ model, task, metric: "acc", value: 0.25 + 0.05 * i, stderr: 0.01, shots: 0 })),
    ...SIZES.slice(0, -1).map((model, i) => ({ model, task: reference, metric: "ppl", value: PPL[i], shots: 0 })),
  ];
  const outcome = await ingestFile({ fileName: "loss.csv", bytes: longCsv(rows), registry: await buildRegistry() });
  if (!outcome.ok) throw new Error(outcome.error);
});
afterAll(() => stopAnalysisThread());

describe("GET /api/loss", () => {
  it("places each model at its reference perplexity, lists the one without it, and analyses the family on that axis", async () => {
    const res = await GET(new Request(`http://127.0.0.1/api/loss?task=${task}&ref=${reference}:ppl`));
    expect(res.status).toBe(200);
    const body = lossResponseSchema.parse(await res.json());
    expect(body.ref).toEqual({ task: reference, metric: "ppl", shots: 0, filter: "none" });
    expect(body.references).toContainEqual({ task: reference, metric: "ppl", models: 7 });
    expect(body.series).toHaveLength(1);
    expect(body.series[0].points.map((p) => p.loss)).toEqual(PPL.slice(0, -1));
    expect(body.series[0].points.map((p) => p.value)).toEqual(SIZES.slice(0, -1).map((_, i) => expect.closeTo(0.25 + 0.05 * i, 9)));
    expect(body.unplaced).toEqual([{ model: "pythia-12b", value: expect.closeTo(0.6, 9) }]);
    expect(body.analyses).toHaveLength(1);
    expect(body.analyses[0].points.map((p) => p.x).sort((a, b) => b - a)).toEqual(PPL.slice(0, -1));
  });

  it("defaults to the loss-type reference most of the view's models have", async () => {
    const body = lossResponseSchema.parse(await (await GET(new Request(`http://127.0.0.1/api/loss?task=${task}`))).json());
    expect(body.ref?.metric).toBe("ppl");
  });

  it("refuses a reference that is not a loss", async () => {
    const res = await GET(new Request(`http://127.0.0.1/api/loss?task=${task}&ref=${task}:acc`));
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/acc is not a loss-type metric/);
  });
});
