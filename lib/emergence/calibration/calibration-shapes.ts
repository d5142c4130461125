import type { Random } from "../random";
import { LN81 } from "../verdict-rules";

/**
 * The curves the calibration simulates, as functions of t = log10(scale) on a
 * range [t1, tn], rising by `lift` from chance. Smooth classes (a verdict of
 * "abrupt" on them is a false positive): a straight line, concave and convex
 * quadratics (their 10–90 % rise spans 63 % of the range: 1.9 decades over 3),
 * a sigmoid of width 2 decades, and a line whose models scatter around it by one
 * standard error more than they report. Sharp classes (power): a step between two
 * adjacent sizes (after the 3rd, 4th or 5th of 8, as in the measured store), and
 * sigmoids 0.25 and 0.5 decades wide. The boundary, a sigmoid exactly W = 1 decade
 * wide, measures the test's size: "abrupt" there should come out at about α.
 */
export type ShapeName = "line" | "concave" | "convex" | "wide-sigmoid" | "scattered-line" | "boundary" | "step" | "sigmoid-0.5" | "sigmoid-0.25";

export const NULL_SHAPES: ShapeName[] = ["line", "concave", "convex", "wide-sigmoid", "scattered-line"];
export const POWER_SHAPES: ShapeName[] = ["step", "sigmoid-0.25", "sigmoid-0.5"];
export const CHANCE = 0.25;

const sigmoid = (t: number, t0: number, width: number) => 1 / (1 + Math.exp((-LN81 * (t - t0)) / width));

/** A draw of the shape's true curve (random midpoint or step position where the shape has one) and its extra scatter sd in units of se. */
export function drawShape(shape: ShapeName, t: Float64Array, lift: number, random: Random): { f: (t: number) => number; scatter: number } {
  const [first, last] = [t[0], t[t.length - 1]];
  const span = last - first;
  const s = (x: number) => (x - first) / span;
  const midpoint = () => first + span * (0.3 + 0.4 * random.uniform());
  switch (shape) {
    case "line":
      return { f: (x) => CHANCE + lift * s(x), scatter: 0 };
    case "scattered-line":
      return { f: (x) => CHANCE + lift * s(x), scatter: 1 };
    case "concave":
      return { f: (x) => CHANCE + lift * (1 - (1 - s(x)) ** 2), scatter: 0 };
    case "convex":
      return { f: (x) => CHANCE + lift * s(x) ** 2, scatter: 0 };
    case "wide-sigmoid": {
      const m = midpoint();
      return { f: (x) => CHANCE + lift * sigmoid(x, m, 2), scatter: 0 };
    }
    case "boundary": {
      const m = midpoint();
      return { f: (x) => CHANCE + lift * sigmoid(x, m, 1), scatter: 0 };
    }
    case "sigmoid-0.5":
    case "sigmoid-0.25": {
      const m = midpoint();
      const width = shape === "sigmoid-0.5" ? 0.5 : 0.25;
      return { f: (x) => CHANCE + lift * sigmoid(x, m, width), scatter: 0 };
    }
    case "step": {
      // after the 3rd, 4th or 5th of 8 sizes: the same share of the range for other counts
      const share = (3 + Math.floor(random.uniform() * 3)) / 8;
      const k = Math.min(t.length - 1, Math.max(1, Math.round(share * t.length)));
      const at = (t[k - 1] + t[k]) / 2;
      return { f: (x) => (x < at ? CHANCE : CHANCE + lift), scatter: 0 };
    }
  }
}
