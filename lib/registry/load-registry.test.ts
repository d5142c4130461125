import { describe, expect, it } from "vitest";
import { loadSeedRegistry } from "./__fixtures__/seed-registry";
import { loadRegistry } from "./load-registry";

describe("loadRegistry on data/registry", () => {
  const registry = loadSeedRegistry();

  it("has the 8 Pythia v1 sizes plus the 148 ObsScaling models", () => {
    expect(registry.models).toHaveLength(8 + 148);
    const pythia = registry.models.filter((m) => m.family === "Pythia");
    expect(pythia.map((m) => m.name)).toEqual([
      "pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b",
    ]);
    expect(registry.models.filter((m) => m.family === "Pythia-deduped")).toHaveLength(8);
  });

  it("states Pythia 1.4B scale from the Pythia README, FLOPs = 6ND marked estimated", () => {
    const entry = registry.models.find((m) => m.name === "pythia-1.4b");
    expect(entry).toMatchObject({
      parameters: 1_414_647_808, trainingTokens: 299_892_736_000, tokensPerStep: 2_097_152, finalStep: 143_000,
      flopsEstimated: true,
    });
    expect(entry?.trainingFlops).toBeCloseTo(6 * 1_414_647_808 * 299_892_736_000, -8);
    expect(entry?.trainingTokens).toBe(143_000 * 2_097_152);
  });

  it("converts ObsScaling units and keeps empty cells unknown", () => {
    const llama = registry.models.find((m) => m.name === "meta-llama/Llama-2-7b-hf");
    expect(llama).toMatchObject({ parameters: 7e9, trainingTokens: 2e12, trainingFlops: 84e21, flopsEstimated: true, family: "Llama-2" });
    const qwen = registry.models.find((m) => m.name === "Qwen/Qwen1.5-110B");
    expect(qwen).toMatchObject({ parameters: 110e9, trainingTokens: null, trainingFlops: null });
    // kept as the source states, with a note
    const btlm = registry.models.find((m) => m.name === "cerebras/btlm-3b-8k-base");
    expect(btlm?.trainingTokens).toBe(627e12);
    expect(btlm?.note).toMatch(/ANOMALY/);
  });

  it("estimates FLOPs as 6·N·D for every row that has all three", () => {
    for (const m of registry.models) {
      if (m.parameters === null || m.trainingTokens === null || m.trainingFlops === null) continue;
      expect(m.trainingFlops / (6 * m.parameters * m.trainingTokens)).toBeCloseTo(1, 9);
    }
  });

  it("reads tasks and metrics", () => {
    const chance = (task: string) => registry.tasks.find((t) => t.name === task)?.chance;
    expect(chance("hendrycksTest-anatomy")).toBe(0.25);
    expect(chance("piqa")).toBe(0.5);
    expect(chance("lambada_openai")).toBe(0);
    expect(chance("crows_pairs_english")).toBeNull();
    expect(registry.tasks.filter((t) => t.name.startsWith("hendrycksTest-"))).toHaveLength(57);
    expect(registry.tasks.find((t) => t.name === "arc_easy")?.itemCount).toBe(2376);
    expect(registry.metrics.find((m) => m.name === "ppl")).toMatchObject({ higherIsBetter: false, lowerBound: 1, upperBound: null });
    expect(registry.metrics.find((m) => m.name === "bleu")).toMatchObject({ lowerBound: 0, upperBound: 100 });
  });

  it("rejects a name used by two models and a bad row", () => {
    const models = "name,aliases\na,x\nb,X\n";
    expect(() => loadRegistry({ models, tasks: "task\n", metrics: "metric,kind\n" })).toThrow(/models\.csv: name "X" used by both a and b/);
    expect(() => loadRegistry({ models: "name\na\n", tasks: "task,chance\nt,2\n", metrics: "metric,kind\n" })).toThrow(/tasks\.csv:2: invalid row/);
  });
});
