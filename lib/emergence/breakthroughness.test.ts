import { describe, expect, it } from "vitest";
import { bigbenchBreakthroughness, bigbenchLinearity, CAP_FACTOR, robustBreakthroughness, smoothReference } from "./breakthroughness";

describe("bigbenchBreakthroughness (BIG-bench Appendix B)", () => {
  it.each([
    ["a straight rise", [0, 1, 2, 3], 3],
    ["a straight decline (negative)", [3, 2, 1, 0], -3],
    ["an even number of steps (median of 1, 4, 9, 16 = 6.5)", [0, 1, 3, 6, 10], 10 / Math.sqrt(6.5)],
    ["max before min gives a negative sign (median of 0.25, 1, 4, 4 = 2.5)", [0, 2, 1, -1, -1.5], -3.5 / Math.sqrt(2.5)],
  ])("%s", (_, y, expected) => {
    expect(bigbenchBreakthroughness(y)).toBeCloseTo(expected, 12);
  });

  it.each([
    ["a median step of 0 (exact-match plateau)", [0, 0, 0, 0, 1]],
    ["a flat curve", [0.3, 0.3, 0.3]],
    ["a single point", [0.5]],
  ])("is null for %s", (_, y) => {
    expect(bigbenchBreakthroughness(y)).toBeNull();
  });
});

describe("bigbenchLinearity (BIG-bench Appendix B)", () => {
  it.each([
    ["equal steps: n − 1, as B", [0.1, 0.2, 0.3, 0.4, 0.5], 4],
    ["the whole change in one step: 1", [0.25, 0.25, 0.25, 0.8, 0.8], 1],
    ["unequal steps (I = 3, net 3, Σ steps² = 1 + 4)", [0, 1, 3], 9 / 5],
    ["a steady decline is positive too (I and the net change share a sign)", [0.5, 0.4, 0.3], 2],
    ["a rise then a fall to the start scores 0 (net change 0)", [0, 1, 0], 0],
  ])("%s", (_, y, expected) => {
    expect(bigbenchLinearity(y)).toBeCloseTo(expected, 12);
  });

  it("is null when nothing moves", () => {
    expect(bigbenchLinearity([0.3, 0.3, 0.3])).toBeNull();
    expect(bigbenchLinearity([0.3])).toBeNull();
  });

  it("separates a line from a jump where B alone cannot (B is infinite for both plateaus)", () => {
    const line = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    const jump = [0, 0, 0, 0, 0.7, 0.7, 0.7, 0.7];
    expect(bigbenchLinearity(line)!).toBeGreaterThan(5 * bigbenchLinearity(jump)!);
  });
});

describe("robustBreakthroughness", () => {
  it("floors the denominator at √2 · se, so a plateau of zeros is finite", () => {
    expect(robustBreakthroughness([0, 0, 0, 0, 0.1], 0.01, 4)).toBeCloseTo(0.1 / (Math.SQRT2 * 0.01), 12);
  });

  it("caps at CAP_FACTOR × the smooth reference, signed by direction", () => {
    expect(robustBreakthroughness([0.25, 0.25, 0.8, 0.8], 0.001, 3)).toBe(CAP_FACTOR * 3);
    expect(robustBreakthroughness([0.8, 0.8, 0.25, 0.25], 0.001, 3)).toBe(-CAP_FACTOR * 3);
  });

  it("equals Appendix B when the steps are larger than the noise, and 0 when nothing moves", () => {
    expect(robustBreakthroughness([0, 1, 2, 3], 0.01, 3)).toBeCloseTo(3, 12);
    expect(robustBreakthroughness([0.4, 0.4, 0.4], 0.01, 2)).toBe(0);
  });
});

describe("smoothReference", () => {
  it("is n − 1 for evenly spaced scales and grows when one gap is wide", () => {
    expect(smoothReference([7, 8, 9, 10, 11])).toBeCloseTo(4, 12);
    expect(smoothReference([7, 7.5, 8, 8.5, 11])).toBeCloseTo(4 / 0.5, 12);
  });
});
