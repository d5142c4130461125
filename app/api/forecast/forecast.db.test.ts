import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "./route";
import { forecastResponseSchema } from "@/lib/schemas/forecast";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { stopAnalysisThread } from "@/lib/services/analysis/analysis-process";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";

const task = uniqueName("forecast_task");
const request = (query: string) => GET(new Request(`http://127.0.0.1/api/forecast?task=${task}&${query}`));
const SIZES = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];

beforeAll(async () => {
  // a steady rise in log-parameters: the 2.8B and larger are forecast from the five smaller
  const rows: LongRow[] = SIZES.map((model, i) => ({ model, task, metric: "acc", value: 0.3 + 0.04 * i, stderr: 0.01, shots: 0 }));
  const outcome = await ingestFile({ fileName: "forecast.csv", bytes: longCsv(rows), registry: await buildRegistry() });
  if (!outcome.ok) throw new Error(outcome.error);
});
afterAll(() => stopAnalysisThread());

describe("GET /api/forecast", () => {
  it("forecasts the sizes at or above the cutoff from those below, with a band, against what was measured", async () => {
    const res = await request("x=params&form=linear&cutoff=2e9");
    expect(res.status).toBe(200);
    const body = forecastResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ task, metric: "acc", shots: 0, filter: "none", x: "params", form: "linear", cutoff: 2e9, level: 0.9 });
    expect(body.scales).toHaveLength(8);
    const [pythia] = body.families;
    expect(pythia).toMatchObject({ family: "Pythia", trained: 5, note: null });
    expect(pythia.heldOut.map((p) => p.observed)).toEqual([0.5, 0.54, 0.58].map((v) => expect.closeTo(v, 9)));
    // Pythia's sizes are not evenly spaced in log-x, so the line is not exact, but close and inside its band
    pythia.heldOut.forEach((p) => {
      expect(p.lower).toBeLessThan(p.upper);
      expect(Math.abs(p.mean - p.observed)).toBeLessThan(0.1);
    });
    expect(pythia.band).toHaveLength(24);
  });

  it("defaults the cutoff to the largest size, so only the largest model is forecast", async () => {
    const body = forecastResponseSchema.parse(await (await request("x=params&form=linear")).json());
    expect(body.cutoff).toBe(body.scales[body.scales.length - 1]);
    expect(body.families[0].heldOut).toHaveLength(1);
  });

  it("names a bad parameter", async () => {
    const res = await request("form=cubic");
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/form/);
  });
});
