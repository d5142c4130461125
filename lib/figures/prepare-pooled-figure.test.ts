import { describe, expect, it } from "vitest";
import type { PooledResponse } from "@/lib/schemas/pooled";
import { makeAnalysis } from "@/lib/schemas/testing/analysis-fixture";
import { preparePooledFigure } from "./prepare-pooled-figure";
import { toFigureCsv } from "./to-figure-csv";

const family = (name: string, over: Partial<NonNullable<PooledResponse["pooled"]>["families"][number]> = {}) => ({
  family: name, sizes: 2, shift: 0, interval: [0, 0] as [number, number], pDeparture: 0.5, departs: false, note: null, ...over,
});
const res: PooledResponse = {
  task: "arc_easy", metric: "acc", shots: 0, filter: "none", x: "params", assumption: "Pooling assumes one curve.",
  pooled: {
    reference: "Pythia",
    families: [
      family("Pythia"),
      family("OPT", { shift: 0.5, interval: [0.3, 0.7], pDeparture: 0.01, departs: true }),
      family("BLOOM", { shift: -1, interval: [-1.4, -0.6], pDeparture: 0.001, departs: true, note: "departs from the pooled curve: left out of its fit" }),
      family("GPT-2", { shift: null, interval: null, pDeparture: null, note: "its points do not bound its offset" }),
    ],
    analysis: makeAnalysis({
      family: "(pooled)", verdict: "smooth",
      points: [
        { model: "Pythia: p-1b", x: 1e9, value: 0.3, se: 0.01, seSource: "stderr", vsChance: "above" },
        { model: "Pythia: p-12b", x: 1.2e10, value: 0.6, se: 0.01, seSource: "stderr", vsChance: "above" },
        { model: "OPT: opt-1.3b", x: 1.3e9 * 10 ** 0.5, value: 0.35, se: 0.02, seSource: "stderr", vsChance: "at-chance" },
      ],
      threshold: { x: 3e9, interval: [2e9, 5e9], censored: null },
      fitted: [{ x: 1e9, y: 0.3 }, { x: 1.2e10, y: 0.6 }],
    }),
  },
};

describe("preparePooledFigure", () => {
  const prepared = preparePooledFigure(res, [], "/api/figures/arc_easy.svg?view=pooled");
  if (prepared.kind !== "ready") throw new Error("expected a figure");
  const { figure } = prepared;

  it("draws each fitted family at its shifted scale and the pooled fit and threshold once, in black", () => {
    expect(figure.chart.series.map((s) => s.legendLabel)).toEqual(["Pythia (reference)", "OPT (+0.50 dec, departs)", "pooled curve (smooth)"]);
    const pooled = figure.chart.series[2];
    expect(pooled).toMatchObject({ color: "#000000", points: [], threshold: { x: 3e9, lo: 2e9, hi: 5e9 } });
    expect(pooled.fit).toHaveLength(2);
    expect(figure.chart.series[1].points[0].x).toBeCloseTo(1.3e9 * 10 ** 0.5);
    expect(figure.chart.series.slice(0, 2).every((s) => s.fit.length === 0 && s.threshold === null)).toBe(true);
    expect(figure.chart.xLabel).toBe("Parameters of Pythia, each family offset (log scale)");
  });

  it("lists every pooled point with its own and its shifted scale", () => {
    const lines = toFigureCsv(figure).trimEnd().split("\r\n");
    expect(lines[0]).toBe("task,metric,shots,axis,reference_family,family,model,x,offset_decades,x_shifted,value,stderr,vs_chance,family_departs,p_departure,pooled_verdict");
    expect(lines).toHaveLength(4);
    const opt = lines[3].split(",");
    expect(opt.slice(5, 7)).toEqual(["OPT", "opt-1.3b"]);
    expect(Number(opt[7])).toBeCloseTo(1.3e9);
    expect(opt[8]).toBe("0.5");
  });

  it("captions the families and offsets, the model, the verdict and threshold with interval, the flagged and left-out families, and the assumption", () => {
    const c = figure.caption;
    expect(c).toContain("of 2 model families pooled on one curve against parameters (log scale), in the units of the reference family Pythia: Pythia (the reference, offset 0), 2 sizes; OPT +0.50 [0.30, 0.70] decades, 2 sizes");
    expect(c).toContain("Model: one curve in log parameters (best of linear, logistic and hinge by AICc) fitted to the 3 points of those families together");
    expect(c).toContain("Pooled verdict (Emergence Atlas, α = 0.05): smooth; threshold at 3B parameters (95% profile interval 2B–5B) of Pythia");
    expect(c).toContain("Flagged as departing but kept: OPT (p = 0.01).");
    expect(c).toContain("Departing and left out of the fit (not drawn): BLOOM (p = 0.001).");
    expect(c).toContain("Not placed (offset not bounded): GPT-2.");
    expect(c.endsWith("Pooling assumes one curve.")).toBe(true);
  });

  it("is empty when fewer than two families can be placed", () => {
    expect(preparePooledFigure({ ...res, pooled: null }, [], "").kind).toBe("empty");
  });
});
