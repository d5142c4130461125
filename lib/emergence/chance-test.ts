import type { AnalysedPoint } from "@/lib/schemas/analysis";
import { holmAdjust } from "./holm";
import { normalUpperTail } from "./normal-tail";

type Label = AnalysedPoint["vsChance"];

/**
 * Per-point one-sided z-tests against the chance level, direction-aware:
 * z = dir · (value − chance) / se, "above" means better than chance in the
 * metric's direction (dir = −1 for lower-is-better). The "better" tests and
 * the "worse" tests are each Holm-corrected across the curve's points and read
 * at level alpha. Unknown chance or se gives "unknown".
 */
export function testAgainstChance(
  points: Pick<AnalysedPoint, "value" | "se">[],
  chance: number | null,
  dir: 1 | -1,
  alpha: number,
): Label[] {
  const testable = points
    .map((p, i) => ({ i, se: p.se, value: p.value }))
    .filter((p): p is { i: number; se: number; value: number } => chance !== null && p.se !== null && p.se > 0);
  const labels: Label[] = points.map(() => "unknown");
  if (chance === null || testable.length === 0) return labels;
  const z = testable.map((p) => (dir * (p.value - chance)) / p.se);
  const better = holmAdjust(z.map((v) => normalUpperTail(v)));
  const worse = holmAdjust(z.map((v) => normalUpperTail(-v)));
  testable.forEach((p, k) => {
    labels[p.i] = better[k] < alpha ? "above" : worse[k] < alpha ? "below" : "at-chance";
  });
  return labels;
}
