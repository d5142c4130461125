import type { CurveAnalysis } from "@/lib/schemas/analysis";

const num = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : Number(v.toPrecision(digits)).toString();

const sci = (v: number) => v.toExponential(2).replace("e+", "e");

export type EvidenceRow = {
  family: string;
  verdict: CurveAnalysis["verdict"];
  reason: string;
  score: string;
  bigbench: string;
  p: string;
  fit: string;
  threshold: string;
  aboveChance: string;
};

/** One table row of evidence per family, in words and numbers a reviewer can check. */
export function prepareEvidence(a: CurveAnalysis): EvidenceRow {
  const b = a.breakthroughness;
  const above = a.points.filter((p) => p.vsChance === "above").length;
  const tested = a.points.filter((p) => p.vsChance !== "unknown").length;
  return {
    family: a.family,
    verdict: a.verdict,
    reason: a.reasons[0] ?? "",
    score: b.robust === null ? "—" : `${num(b.robust)}${b.interval ? ` [${num(b.interval[0])}, ${num(b.interval[1])}]` : ""}`,
    bigbench: b.bigbench === null ? (b.robust === null ? "—" : "∞ (median step 0)") : num(b.bigbench),
    p: a.pValue === null ? "—" : `${num(a.pValue, 2)} (FDR ${num(a.pAdjusted, 2)})`,
    fit: a.best === null ? "—" : a.best === "linear" ? "linear" : `${a.best} (ΔAICc ${num(a.deltaAicc)})`,
    threshold: a.threshold === null ? "—" : `${sci(a.threshold.x)}${a.threshold.interval ? ` [${sci(a.threshold.interval[0])}, ${sci(a.threshold.interval[1])}]` : ""}`,
    aboveChance: tested === 0 ? "untested" : `${above} of ${a.points.length}`,
  };
}

/** Families whose verdict differs between metrics of the same runs: the mirage test (Schaeffer et al. 2023). */
export function metricDependentFamilies(byMetric: { metric: string; analyses: CurveAnalysis[] }[]): string[] {
  const verdicts = new Map<string, Set<string>>();
  for (const { analyses } of byMetric) {
    for (const a of analyses) {
      if (a.verdict === "insufficient") continue;
      verdicts.set(a.family, (verdicts.get(a.family) ?? new Set()).add(a.verdict));
    }
  }
  return [...verdicts].filter(([, v]) => v.size > 1).map(([family]) => family).sort();
}
