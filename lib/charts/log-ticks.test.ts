import { describe, expect, it } from "vitest";
import { logDomain, logTicks } from "./log-ticks";
import { formatExponent, formatScale } from "@/lib/domain/scale-format";

describe("logDomain", () => {
  it("pads the data range by a fraction of a decade on both sides", () => {
    const [lo, hi] = logDomain([7e7, 1.2e10])!;
    expect(Math.log10(lo)).toBeCloseTo(Math.log10(7e7) - 0.15, 10);
    expect(Math.log10(hi)).toBeCloseTo(Math.log10(1.2e10) + 0.15, 10);
  });

  it("ignores non-positive values and returns null when nothing can be placed", () => {
    expect(logDomain([0, -1])).toBeNull();
    expect(logDomain([0, 100])).not.toBeNull();
  });
});

describe("logTicks", () => {
  it("returns only powers of ten inside the domain (Pythia 70M..12B)", () => {
    expect(logTicks(logDomain([7.04e7, 1.18e10])!)).toEqual([1e8, 1e9, 1e10]);
  });

  it("falls back to 1-2-5 steps when the domain spans less than a decade", () => {
    const ticks = logTicks([1.5e9, 9e9]);
    expect(ticks).toEqual([2e9, 5e9]);
    ticks.forEach((t) => expect(t).toBeGreaterThanOrEqual(1.5e9));
  });
});

describe("formatScale", () => {
  it("names sizes the way papers do", () => {
    expect(formatScale(70_426_624)).toBe("70.4M");
    expect(formatScale(1.4e9)).toBe("1.4B");
    expect(formatScale(2.999e11)).toBe("300B");
    expect(formatScale(3.6e23)).toBe("360Z");
    expect(formatScale(512)).toBe("512");
  });
});

describe("formatExponent", () => {
  it("writes FLOPs in scientific notation", () => {
    expect(formatExponent(1e21)).toBe("1e21");
    expect(formatExponent(3.6e23)).toBe("3.6e23");
  });
});
