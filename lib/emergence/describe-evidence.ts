import type { CurveEvidence } from "./analyze-curve";
import { improvement } from "./breakthroughness";
import { fmt } from "./format-number";
import { shapeAt } from "./transition-fit";
import { VERDICT_RULES } from "./verdict-rules";

const W = VERDICT_RULES.maxAbruptWidth;

/** The numbers behind a verdict, one sentence each, in the order a reviewer checks them. */
export function describeEvidence(e: CurveEvidence): string[] {
  const out: string[] = [];
  const tr = e.transition;
  const dir = e.prepared.curve?.dir ?? 1;
  if (tr !== null) {
    const w = tr.width;
    const width = w.estimate === null ? "a straight line fits best" : `10–90 % width ${fmt(w.estimate)} decades`;
    out.push(
      `sharpness test: ${width} (95 % bounds ${fmt(w.lower)} to ${w.upper === null ? "unbounded" : fmt(w.upper)}); p(sharper than ${W} decade) = ${fmt(tr.pAbrupt)}, p(wider) = ${fmt(tr.pSmooth)}` +
        (tr.tau2 > 0 ? `; between-model scatter τ = ${fmt(Math.sqrt(tr.tau2))} added to every error` : ""),
    );
    const [start, end] = endpoints(e);
    out.push(`fitted level ${fmt(dir * start)} at the smallest size, ${fmt(dir * end)} at the largest`);
  }
  if (e.slope !== null) {
    out.push(`slope ${fmt(dir * e.slope.estimate)} per decade (t = ${fmt(e.slope.t)}, ${e.slope.dof} dof, two-sided p = ${fmt(e.slope.pValue)})`);
  }
  if (e.equivalence !== null) {
    const { floor, level } = e.equivalence;
    if (floor !== null) out.push(`within ±${fmt(floor.margin)} of chance ${fmt(dir * floor.value)}: the data show ±${fmt(floor.shown)} (one-sided 95 % bound at the worst point)`);
    out.push(`within ±${fmt(level.margin)} of its own level ${fmt(dir * level.value)}: the data show ±${fmt(level.shown)}`);
  }
  const b = e.breakthroughness;
  if (b.robust !== null) {
    out.push(`BIG-bench breakthroughness ${b.bigbench === null ? "infinite (median step 0)" : fmt(b.bigbench)}, linearity ${b.linearity === null ? "undefined (no change)" : fmt(b.linearity)}; robust ${fmt(b.robust)}${b.interval ? ` [${fmt(b.interval[0])}, ${fmt(b.interval[1])}]` : ""}`);
  }
  const forms = e.forms;
  if (forms !== null && forms.best !== null) {
    out.push(`best functional form by AICc: ${forms.best}${forms.deltaAicc !== null && forms.best !== "linear" ? ` (ΔAICc = ${fmt(forms.deltaAicc)} over linear)` : ""}`);
  }
  return out;
}

/** The transition fit's level at the smallest and the largest measured scale (oriented). */
export function endpoints(e: CurveEvidence): [number, number] {
  const curve = e.prepared.curve;
  const tr = e.transition;
  if (curve === null || tr === null) return [0, 0];
  return [shapeAt(tr.best, curve.t[0]), shapeAt(tr.best, curve.t[curve.t.length - 1])];
}

/** I(y) of BIG-bench Appendix B on the oriented values: > 0 when the best point comes after the worst. */
export function orientedImprovement(e: CurveEvidence): number {
  return e.prepared.curve === null ? 0 : improvement(e.prepared.curve.u);
}
