import { describe, expect, it } from "vitest";
import { relativeSpread } from "./relative-spread";

describe("relativeSpread", () => {
  it("is the range over the median", () => {
    expect(relativeSpread([90, 100, 110])).toBeCloseTo(0.2);
    expect(relativeSpread([5, 5])).toBe(0);
  });
});
