import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import type { CurveInput } from "../types";
import { backtestCurves, summarizeBacktest } from "./backtest";
import { formatBacktest } from "./format-backtest";

const SIZES = [1e20, 3e20, 1e21, 3e21, 1e22, 3e22, 1e23, 3e23]; // FLOPs: 4 below the cutoff of 1e22, 4 at or above

function curve(family: string, task: string, value: (log10x: number) => number, seed: number, higherIsBetter = true): CurveInput {
  const random = createRandom(seed);
  return {
    id: `${task}|acc|0|none|flops|${family}`,
    groupId: `${task}|acc|0|none|flops`,
    family,
    chance: 0.25,
    metric: { higherIsBetter, lowerBound: 0, upperBound: 1, kind: "discrete" },
    points: SIZES.map((x, i) => ({ model: `${family}-${i}`, x, value: value(Math.log10(x)) + 0.01 * random.normal(), stderr: 0.01, n: null })),
  };
}

const OPTIONS = { cutoff: 1e22, forms: ["linear", "sigmoid"] as const, level: 0.9, draws: 100, seed: 3 };

describe("backtestCurves", () => {
  const smooth = curve("A", "smooth_task", (t) => 0.3 + 0.05 * (t - 20), 1);
  const jump = curve("B", "jump_task", (t) => (t < 22.4 ? 0.25 : 0.8), 2);
  const curves = backtestCurves([smooth, jump], OPTIONS);

  it("trains on the sizes below the cutoff and forecasts the rest, in metric units", () => {
    const line = curves.find((c) => c.family === "A" && c.form === "linear")!;
    expect(line.trained).toBe(4);
    expect(line.heldOut.map((p) => p.x)).toEqual([1e22, 3e22, 1e23, 3e23].map((x) => expect.closeTo(x, -15)));
    line.heldOut.forEach((p, j) => {
      expect(p.observed).toBeCloseTo(smooth.points[4 + j].value, 12);
      expect(p.lower).toBeLessThan(p.mean);
      expect(p.upper).toBeGreaterThan(p.mean);
    });
  });

  it("summarises error and coverage: a smooth curve is foreseen, a jump after the cutoff is not", () => {
    const byTask = summarizeBacktest(curves, (c) => c.view);
    const smoothLine = byTask.find((r) => r.key === "smooth_task|acc|0|none" && r.form === "linear")!;
    const jumpLine = byTask.find((r) => r.key === "jump_task|acc|0|none" && r.form === "linear")!;
    expect(smoothLine.mae).toBeLessThan(0.03);
    expect(smoothLine.coverage).toBeGreaterThanOrEqual(0.75);
    expect(jumpLine.mae).toBeGreaterThan(0.3);
    expect(jumpLine.coverage).toBeLessThan(0.5);
  });

  it("leaves out curves with nothing on one side of the cutoff", () => {
    expect(backtestCurves([smooth], { ...OPTIONS, cutoff: 1e24 })).toEqual([]);
    expect(backtestCurves([smooth], { ...OPTIONS, cutoff: 1e19 })).toEqual([]);
  });

  it("reports the worst-forecast views first with their verdicts beside them", () => {
    const verdicts = new Map([[smooth.id, "smooth" as const], [jump.id, "abrupt" as const]]);
    const report = formatBacktest(curves, verdicts, { ...OPTIONS, axis: "flops", command: "npm run backtest" });
    const rows = report.split("\n").filter((l) => l.startsWith("| jump_task") || l.startsWith("| smooth_task"));
    expect(rows[rows.length - 2]).toMatch(/^\| jump_task · acc · 0 · none \| B abrupt \|/);
    expect(rows[rows.length - 1]).toMatch(/^\| smooth_task · acc · 0 · none \| A smooth \|/);
    expect(report).toContain("task views with an abrupt verdict (1)");
  });
});
