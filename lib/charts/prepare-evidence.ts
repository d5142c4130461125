import type { CurveAnalysis, Flag } from "@/lib/schemas/analysis";

const num = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || !Number.isFinite(v) ? "—" : Number(v.toPrecision(digits)).toString();

const sci = (v: number) => v.toExponential(2).replace("e+", "e");

/** A p-value as a reviewer reads it: two significant digits, "< 1e-300" past double precision. */
export const formatP = (p: number) => (p < 1e-300 ? "< 1e-300" : num(p, 2));

const FLAG_TEXT: Record<Flag, string> = {
  "below-chance": "some sizes clearly below chance",
  "tie-conflict": "results at one size disagree",
  "above-chance-before-jump": "already above chance before the jump",
  "direction-unknown": "direction of the metric unknown",
  "errors-estimated": "errors estimated from residuals",
};

export type EvidenceRow = {
  family: string;
  verdict: CurveAnalysis["verdict"];
  reason: string;
  decide: string | null;
  change: string;
  width: string;
  p: string;
  slope: string;
  equivalence: string;
  score: string;
  bigbench: string;
  linearity: string;
  fit: string;
  threshold: string;
  aboveChance: string;
  flags: string[];
};

function toThreshold(t: CurveAnalysis["threshold"]): string {
  if (t === null) return "—";
  if (t.censored === "below") return `below the smallest size (< ${sci(t.x)})`;
  if (t.censored === "above") return `above the largest size (> ${sci(t.x)})`;
  return `${sci(t.x)}${t.interval ? ` [${sci(t.interval[0])}, ${sci(t.interval[1])}]` : ""}`;
}

/** One table row of evidence per family, in words and numbers a reviewer can check. */
export function prepareEvidence(a: CurveAnalysis): EvidenceRow {
  const b = a.breakthroughness;
  const tr = a.transition;
  const above = a.points.filter((p) => p.vsChance === "above").length;
  const tested = a.points.filter((p) => p.vsChance !== "unknown").length;
  const eq = a.equivalence;
  return {
    family: a.family,
    verdict: a.verdict,
    reason: a.reasons[0] ?? "",
    decide: a.decide,
    change: tr === null ? "—" : `${num(tr.start)} → ${num(tr.end)}`,
    width:
      tr === null
        ? "—"
        : `${tr.width.estimate === null ? "line" : num(tr.width.estimate, 2)} [${num(tr.width.lower, 2)}, ${tr.width.upper === null ? "∞" : num(tr.width.upper, 2)}]`,
    p: tr === null ? "—" : `${formatP(tr.pAbrupt)} / ${formatP(tr.pSmooth)}`,
    slope: a.slope === null ? "—" : `${num(a.slope.estimate)} (p ${formatP(a.slope.pValue)})`,
    equivalence: eq === null ? "—" : `±${num(eq.shown, 2)} of ${eq.reference === "floor" ? "chance" : "level"} ${num(eq.value)} (margin ${num(eq.margin, 2)})`,
    score: b.robust === null ? "—" : `${num(b.robust)}${b.interval ? ` [${num(b.interval[0])}, ${num(b.interval[1])}]` : ""}`,
    bigbench: b.bigbench === null ? (b.robust === null ? "—" : "∞ (median step 0)") : num(b.bigbench),
    linearity: b.linearity === null ? "—" : num(b.linearity),
    fit: a.best === null ? "—" : a.best === "linear" ? "linear" : `${a.best} (ΔAICc ${num(a.deltaAicc)})`,
    threshold: toThreshold(a.threshold),
    aboveChance: tested === 0 ? "untested" : `${above} of ${a.points.length}`,
    flags: a.flags.map((f) => FLAG_TEXT[f]),
  };
}
