import { describe, expect, it } from "vitest";
import { formatCount, formatRate, formatSeconds } from "./format-rate";

describe("formatCount", () => {
  it("abbreviates thousands and millions", () => {
    expect(formatCount(1_234_567)).toBe("1.23M");
    expect(formatCount(412_345)).toBe("412k");
    expect(formatCount(1_500)).toBe("1.5k");
    expect(formatCount(950)).toBe("950");
  });
});

describe("formatRate", () => {
  it("turns rows and milliseconds into rows per second", () => {
    expect(formatRate(1_000_000, 2_500)).toBe("400k rows/s");
    expect(formatRate(10, 0)).toBe("∞ rows/s");
  });
});

describe("formatSeconds", () => {
  it("keeps two decimals for short runs", () => {
    expect(formatSeconds(3_141)).toBe("3.14 s");
    expect(formatSeconds(123_456)).toBe("123 s");
  });
});
