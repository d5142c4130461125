import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { CurveEvidence } from "./analyze-curve";
import { testAgainstChance } from "./chance-test";
import { fmt } from "./format-number";
import { toCurveAnalysis } from "./to-curve-analysis";
import { decideVerdict } from "./verdict";
import { VERDICT_RULES } from "./verdict-rules";

/**
 * Every value exactly 0 (a higher-is-better metric) while another family of the
 * same task view has a point clearly above the floor (chance when known, else the
 * metric's lower bound, else 0) at a size no larger than this family's largest:
 * an evaluation bug (answer extraction, formatting) is then likelier than a
 * missing ability. Points above the floor only at sizes this family never reaches
 * do not count: zeros there can be a genuine absence.
 */
function findSuspectZero(e: CurveEvidence, view: CurveEvidence[]): string | null {
  const own = e.points;
  if (own.length === 0 || e.input.metric.higherIsBetter !== true || own.some((p) => p.value !== 0)) return null;
  const reach = Math.max(...own.map((p) => p.x));
  let witness: { family: string; value: number; x: number; floor: number } | null = null;
  for (const other of view) {
    if (other.input.id === e.input.id) continue;
    const floor = other.input.chance ?? other.input.metric.lowerBound ?? 0;
    const labels = testAgainstChance(other.points, floor, 1, VERDICT_RULES.alpha);
    other.points.forEach((p, i) => {
      if (labels[i] === "above" && p.x <= reach && (witness === null || p.value > witness.value)) {
        witness = { family: other.input.family, value: p.value, x: p.x, floor };
      }
    });
  }
  if (witness === null) return null;
  const w = witness as { family: string; value: number; x: number; floor: number };
  return `every value is exactly 0 while ${w.family} scores ${fmt(w.value)} at x = ${fmt(w.x)}, clearly above the floor ${fmt(w.floor)}, at a size this family also reaches: likely an evaluation bug, not a missing ability`;
}

/**
 * Judges the curves of one task view (all families of one task × metric × shots ×
 * filter × axis). A curve's verdict depends on its own evidence, and only
 * suspect-zero looks at the other families of the same view: nothing outside the
 * view the user is looking at can change it.
 */
export function judgeView(view: CurveEvidence[]): CurveAnalysis[] {
  return view.map((e) => toCurveAnalysis(e, decideVerdict(e, findSuspectZero(e, view))));
}
