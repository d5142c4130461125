import { beforeAll, describe, expect, it } from "vitest";
import { GET as analysisRoute } from "@/app/api/analysis/route";
import { GET as curvesRoute } from "@/app/api/curves/route";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import { curvesResponseSchema } from "@/lib/schemas/curves";
import { drainAnalysisQueue } from "@/lib/services/analysis/drain";
import { getPool } from "./client";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";

const SIZES = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
const STRICT = [0.002, 0.003, 0.005, 0.01, 0.012, 0.02, 0.03, 0.04];
const FLEXIBLE = [0.01, 0.015, 0.02, 0.03, 0.04, 0.06, 0.09, 0.12];
let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

/** An lm-evaluation-harness v0.4 results file as the harness writes it for GSM8K: one metric under two filters. */
function gsm8kFile(model: string, i: number, shots: number): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({
    results: {
      gsm8k: {
        alias: "gsm8k",
        "exact_match,strict-match": STRICT[i], "exact_match_stderr,strict-match": 0.003,
        "exact_match,flexible-extract": FLEXIBLE[i], "exact_match_stderr,flexible-extract": 0.004,
      },
    },
    "n-shot": { gsm8k: shots },
    higher_is_better: { gsm8k: { exact_match: true } },
    "n-samples": { gsm8k: { original: 1319, effective: 1319 } },
    config: { model: "hf", model_args: `pretrained=EleutherAI/${model}` },
    lm_eval_version: "0.4.9",
  }));
}

const get = async (route: typeof curvesRoute, query: string) => route(new Request(`http://127.0.0.1/api/x?${query}`));

describe("lm-eval filters are separate measurements", () => {
  it("stores strict-match and flexible-extract of GSM8K as two curves with their own analyses, never averaged", async () => {
    const shots = 100 + Math.floor(Math.random() * 800);
    for (const [i, model] of SIZES.entries()) {
      const outcome = await ingestFile({ fileName: `results_${model}_${shots}.json`, bytes: gsm8kFile(model, i, shots), registry });
      expect(outcome.ok).toBe(true);
    }
    await drainAnalysisQueue();

    const byDefault = curvesResponseSchema.parse(await (await get(curvesRoute, `task=gsm8k&metric=exact_match&shots=${shots}`)).json());
    expect(byDefault.options.filters).toEqual(["flexible-extract", "strict-match"]);
    expect(byDefault.filter).toBe("strict-match");
    expect(byDefault.series[0].points.map((p) => p.value)).toEqual(STRICT);
    const flexible = curvesResponseSchema.parse(await (await get(curvesRoute, `task=gsm8k&metric=exact_match&shots=${shots}&filter=flexible-extract`)).json());
    expect(flexible.series[0].points.map((p) => p.value)).toEqual(FLEXIBLE);

    for (const [filter, values] of [["strict-match", STRICT], ["flexible-extract", FLEXIBLE]] as const) {
      const res = await get(analysisRoute, `task=gsm8k&metric=exact_match&shots=${shots}&filter=${filter}`);
      const body = analysisResponseSchema.parse(await res.json());
      expect(body.filter).toBe(filter);
      expect(body.analyses).toHaveLength(1);
      expect(body.analyses[0].points.map((p) => p.value)).toEqual(values);
      expect(body.analyses[0].higherIsBetter).toBe(true);
    }
    const missing = await get(curvesRoute, `task=gsm8k&metric=exact_match&shots=${shots}&filter=maj@8`);
    expect(missing.status).toBe(404);

    const { rows } = await getPool().query(
      `SELECT tm.higher_is_better, tm.direction_source FROM task_metric tm
       JOIN task t ON t.id = tm.task_id JOIN metric m ON m.id = tm.metric_id WHERE t.name = 'gsm8k' AND m.name = 'exact_match'`,
    );
    expect(rows).toEqual([{ higher_is_better: true, direction_source: expect.stringMatching(/^results_pythia-70m_\d+\.json: higher_is_better\.gsm8k\.exact_match$/) }]);
  });

  it("refuses a file whose direction contradicts the stored one, naming the key, and stores nothing of it", async () => {
    const task = `direction_${Math.random().toString(36).slice(2, 8)}`;
    const file = (higher: boolean, model: string) => new TextEncoder().encode(JSON.stringify({
      results: { [task]: { "f1,none": 0.5, "f1_stderr,none": 0.01 } },
      "n-shot": { [task]: 0 },
      higher_is_better: { [task]: { f1: higher } },
      config: { model: "hf", model_args: `pretrained=EleutherAI/${model}` },
    }));
    expect((await ingestFile({ fileName: "first.json", bytes: file(true, "pythia-70m"), registry })).ok).toBe(true);
    const second = await ingestFile({ fileName: "second.json", bytes: file(false, "pythia-160m"), registry });
    expect(second).toMatchObject({ ok: false, error: expect.stringContaining("higher_is_better") });
    expect(second.ok ? "" : second.error).toContain("first.json");
    const { rows } = await getPool().query("SELECT count(*)::int AS n FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1", [task]);
    expect(rows[0].n).toBe(1);
  });
});
