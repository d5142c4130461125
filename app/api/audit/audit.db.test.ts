import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import { GET as getAudit } from "./route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { refreshAnalyses } from "@/lib/services/analysis/refresh-analyses";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { buildAudit } from "@/lib/services/audit/build-audit";
import { getPool } from "@/lib/db/client";
import { EMERGENCE_CLAIMS } from "@/lib/audit/emergence-claims";
import type { Audit } from "@/lib/audit/audit-report";

// The demo's ObsScaling files: Wei et al.'s emergent tasks (arithmetic, word unscrambling, IPA, Persian QA) and the benchmark table (MMLU, TruthfulQA).
const DEMO = ["base_llm_emergent_capability_eval.csv", "base_llm_benchmark_eval.csv"].map((f) => `data/demo/obsscaling/eval_results/${f}`);

/** The verdicts the analysis stored for a view on the parameter axis, by family. */
async function storedVerdicts(task: string, metric: string): Promise<Map<string, string>> {
  const { rows } = await getPool().query<{ family: string; verdict: string }>(
    `SELECT a.family, a.verdict FROM curve_analysis a JOIN task t ON t.id = a.task_id JOIN metric me ON me.id = a.metric_id
     WHERE t.name = $1 AND me.name = $2 AND a.axis = 'params'`,
    [task, metric],
  );
  return new Map(rows.map((r) => [r.family, r.verdict]));
}

const audit = (query: string) => getAudit(new Request(`http://127.0.0.1:3000/api/audit?${query}`));
let built: Audit;

beforeAll(async () => {
  const registry = await buildRegistry();
  for (const file of DEMO) {
    const outcome = await ingestFile({ fileName: file.split("/").at(-1)!, bytes: readFileSync(file), registry });
    if (!outcome.ok) throw new Error(outcome.error);
    await refreshAnalyses(outcome.touched);
  }
  built = await buildAudit({ x: "params" });
});

describe("the emergence audit on the demo data", () => {
  it("lists every claim, with the demo's emergent tasks in the store and the others not", () => {
    expect(built.claims.map((c) => c.id)).toEqual(EMERGENCE_CLAIMS.map((c) => c.id));
    const inStore = built.claims.flatMap((c) => c.tasks.filter((t) => t.inStore).map((t) => t.task));
    expect(new Set(inStore)).toEqual(new Set(["arithmetic_3da", "arithmetic_3ds", "mmlu", "truthfulqa_mc2", "ipa_transliterate", "word_unscrambling", "parsinlu_qa", "arithmetic_2dm"]));
    const byId = new Map(built.claims.map((c) => [c.id, c]));
    expect(byId.get("wei-4-5-digit-arithmetic")!.tasks.every((t) => !t.inStore)).toBe(true);
    expect(byId.get("wei-toxicity")!.tasks).toEqual([]);
    expect(built.counts.curves).toBeGreaterThan(0);
    expect(built.rules).toEqual({ alpha: 0.05, maxAbruptWidth: 1, equivalenceShare: 0.05, minScales: 5 });
  });

  it("gives 3-digit addition every family's verdict as the analysis stored it, OPT and Pythia-deduped among them", async () => {
    const task = built.claims.find((c) => c.id === "wei-3-digit-arithmetic")!.tasks.find((t) => t.task === "arithmetic_3da")!;
    const stored = await storedVerdicts("arithmetic_3da", "acc");
    expect(new Map(task.families.map((f) => [f.family, f.byMetric[0].verdict]))).toEqual(stored);
    for (const family of ["OPT", "Pythia-deduped"]) {
      const row = task.families.find((f) => f.family === family)!;
      expect(row.byMetric).toHaveLength(1);
      expect(row.byMetric[0]).toMatchObject({ metric: "acc", shots: 2, filter: "none", itemModels: 0, scales: 8 });
      expect(row.byMetric[0].href).toBe(`/tasks/arithmetic_3da?metric=acc&shots=2&filter=none&x=params&families=${encodeURIComponent(family)}`);
      // the claim is emergence under accuracy: an abrupt verdict agrees, a smooth one disagrees
      const expected = { abrupt: "agrees", smooth: "disagrees", declining: "disagrees", "near-floor": "no-rise", flat: "no-rise" }[row.byMetric[0].verdict as string] ?? "undecided";
      expect(row.overall).toBe(expected);
    }
    expect(Object.values(task.tally).reduce((a, b) => a + b, 0)).toBe(stored.size);
  });

  it("reads IPA transliterate under BLEU (the claim's metric) and exact match, with the same-models comparison", async () => {
    const task = built.claims.find((c) => c.id === "wei-ipa-transliterate")!.tasks[0];
    expect(task.metrics.sort()).toEqual(["bleu", "exact_match"]);
    const bleu = await storedVerdicts("ipa_transliterate", "bleu");
    const opt = task.families.find((f) => f.family === "OPT")!;
    expect(opt.byMetric.map((m) => [m.metric, m.verdict, m.agreement === "no-claim"])).toEqual(
      expect.arrayContaining([["bleu", bleu.get("OPT"), false], ["exact_match", expect.any(String), true]]),
    );
    expect(opt.sameModels!.statement).toMatch(/over the same \d+ models?/);
  });

  it("exports one HTML report with the claims, the stored verdicts and every figure as valid inline SVG", async () => {
    const res = await audit("format=html");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="emergence-audit_params_\d{4}-\d{2}-\d{2}\.html"$/);
    const html = await res.text();
    expect(html).toContain("Addition/subtraction (3 digit)");
    expect(html).toContain("Toxicity classification (CivilComments)");
    expect(html).toContain("No per-item outputs are stored for arithmetic_3da / acc");
    const opt = (await storedVerdicts("arithmetic_3da", "acc")).get("OPT");
    expect(html).toMatch(new RegExp(`<tr class="[a-z-]+"><td>OPT</td><td>acc</td><td>${opt}<div`));
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    // one figure per stored view: 3da, 3ds, 2dm, mmlu, truthfulqa, ipa (2 metrics), word unscrambling, Persian QA
    expect(svgs).toHaveLength(9);
    for (const svg of svgs) expect(XMLValidator.validate(svg)).toBe(true);
    const ids = svgs.flatMap((s) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("exports the same as Markdown with the figures as SVG data URIs, and refuses an unknown format by name", async () => {
    const res = await audit("format=md&x=flops");
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toContain("# Emergence audit");
    expect(md).toContain("curves analysed on training FLOPs");
    expect(md).toMatch(/\| OPT \| acc \| [a-z-]+ \| [^|]+ \| [a-z -]+ \|/);
    const uris = [...md.matchAll(/\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1], "base64").toString("utf8"));
    expect(uris.length).toBeGreaterThan(0);
    for (const svg of uris) expect(XMLValidator.validate(svg)).toBe(true);

    const bad = await audit("format=pdf");
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.message).toMatch(/format/);
  });
});
