import { beforeAll, describe, expect, inject, it } from "vitest";
import { GET as getCurvesRoute } from "./curves/route";
import { GET as getHealthRoute } from "./health/route";
import { GET as getTasksRoute } from "./tasks/route";
import { curvesResponseSchema } from "@/lib/schemas/curves";
import { healthResponseSchema } from "@/lib/schemas/health";
import { tasksResponseSchema } from "@/lib/schemas/tasks";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";

const task = uniqueName("route_task");
const request = (path: string) => new Request(`http://127.0.0.1${path}`);

beforeAll(async () => {
  const rows: LongRow[] = ["pythia-70m", "pythia-410m", "pythia-1.4b", "pythia-12b"].flatMap((model, i) => [
    { model, task, metric: "acc", value: 0.25 + i / 10, stderr: 0.01, shots: 0 },
    { model, task, metric: "acc", value: 0.3 + i / 10, stderr: 0.01, shots: 5 },
    { model, task, metric: "acc_norm", value: 0.2 + i / 10, n: 500, shots: 0 },
  ]);
  // two earlier checkpoints of pythia-1.4b, for the checkpoint axis
  rows.push(
    { model: "pythia-1.4b", task, metric: "acc", value: 0.26, stderr: 0.01, shots: 0, revision: "step1000" },
    { model: "pythia-1.4b", task, metric: "acc", value: 0.4, stderr: 0.01, shots: 0, revision: "step93000" },
  );
  const outcome = await ingestFile({ fileName: "routes.csv", bytes: longCsv(rows), registry: await buildRegistry() });
  if (!outcome.ok) throw new Error(outcome.error);
});

describe("GET /api/health", () => {
  it("says the database answers and which kind it is, with the analysis queue's depth, throughput and parked jobs", async () => {
    const res = await getHealthRoute(request("/api/health"));
    expect(res.status).toBe(200);
    const body = healthResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ ok: true, database: inject("databaseKind") });
    // the upload of beforeAll queued its view; nothing has run it in this file
    expect(body.jobs?.waiting).toBeGreaterThanOrEqual(1);
    expect(body.jobs?.failures.filter((f) => f.task === task)).toEqual([]);
  });
});

describe("GET /api/tasks", () => {
  it("lists tasks with their metrics and counts", async () => {
    const res = await getTasksRoute(request("/api/tasks"));
    const body = tasksResponseSchema.parse(await res.json());
    expect(body.tasks.find((t) => t.name === task)).toMatchObject({ metrics: ["acc", "acc_norm"], families: 1, models: 4, results: 14 });
  });
});

describe("GET /api/curves", () => {
  it("serves the default view (acc, zero-shot, parameters) matching its schema", async () => {
    const res = await getCurvesRoute(request(`/api/curves?task=${task}`));
    expect(res.status).toBe(200);
    const body = curvesResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ metric: { name: "acc", lowerBound: 0, upperBound: 1 }, shots: 0, x: "params" });
    expect(body.options).toEqual({ metrics: ["acc", "acc_norm"], shots: [0, 5], filters: ["none"], checkpointModels: ["pythia-1.4b"] });
    expect(body.series).toHaveLength(1);
    expect(body.series[0].points.map((p) => p.x)).toEqual([70_426_624, 405_334_016, 1_414_647_808, 11_846_072_320]);
    expect(body.series[0].points.map((p) => p.value)).toEqual([0.25, 0.35, 0.45, 0.55]);
  });

  it("follows metric, shots and axis parameters", async () => {
    const res = await getCurvesRoute(request(`/api/curves?task=${task}&metric=acc_norm&shots=0&x=flops`));
    const body = curvesResponseSchema.parse(await res.json());
    expect(body.metric.name).toBe("acc_norm");
    expect(body.series[0].points[0]).toMatchObject({ stderr: null, n: 500, xEstimated: true });
    expect(body.series[0].points[0].x).toBeCloseTo(6 * 70_426_624 * 299_892_736_000, -12);
  });

  it("plots one model's checkpoints by tokens seen on the checkpoint axis", async () => {
    const res = await getCurvesRoute(request(`/api/curves?task=${task}&x=checkpoint`));
    const body = curvesResponseSchema.parse(await res.json());
    expect(body.model).toBe("pythia-1.4b");
    expect(body.series).toHaveLength(1);
    expect(body.series[0].points.map((p) => [p.model, p.x, p.value])).toEqual([
      ["pythia-1.4b @ step 1000", 1000 * 2_097_152, 0.26],
      ["pythia-1.4b @ step 93000", 93_000 * 2_097_152, 0.4],
      ["pythia-1.4b @ step 143000", 143_000 * 2_097_152, 0.45],
    ]);
    const other = await getCurvesRoute(request(`/api/curves?task=${task}&x=checkpoint&model=pythia-70m`));
    expect(other.status).toBe(404);
  });

  it.each([
    ["missing task", "/api/curves", "task"],
    ["bad axis", `/api/curves?task=${task}&x=banana`, "x"],
    ["bad shots", `/api/curves?task=${task}&shots=-3`, "shots"],
  ])("%s -> 400 naming the parameter", async (_, path, field) => {
    const res = await getCurvesRoute(request(path));
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error.field).toBe(field);
  });

  it.each([
    ["unknown task", `/api/curves?task=${uniqueName("nope")}`],
    ["metric the task lacks", `/api/curves?task=${task}&metric=bleu`],
    ["shots the task lacks", `/api/curves?task=${task}&shots=25`],
  ])("%s -> 404", async (_, path) => {
    const res = await getCurvesRoute(request(path));
    expect(res.status).toBe(404);
    expect(apiErrorSchema.parse(await res.json()).error.code).toBe("not_found");
  });
});
