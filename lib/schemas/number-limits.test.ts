import { describe, expect, it } from "vitest";
import { boundedValueSchema, magnitudeProblem, scaleFactSchema } from "./number-limits";

describe("magnitudeProblem", () => {
  it.each([0, -0, 1, -1, 0.25, 1683.4, 1e15, -1e15, 1e-100, -1e-100, 1e-17])("accepts %s", (v) => {
    expect(magnitudeProblem(v)).toBeNull();
    expect(boundedValueSchema.safeParse(v).success).toBe(true);
  });

  it.each([
    [1.79e308, "1.79e308 is beyond ±1e15"],
    [-1.79e308, "-1.79e308 is beyond ±1e15"],
    [1e15 * 1.5, "1.5e15 is beyond ±1e15"],
    [5e-324, "5e-324 is non-zero but smaller in magnitude than 1e-100"],
    [-2.2e-308, "-2.2e-308 is non-zero but smaller"],
  ])("refuses %s", (v, message) => {
    expect(magnitudeProblem(v)).toContain(message);
    expect(boundedValueSchema.safeParse(v).success).toBe(false);
  });
});

describe("scaleFactSchema", () => {
  it("takes 1 to 1e30 and refuses what no model is", () => {
    expect(scaleFactSchema.safeParse(7e7).success).toBe(true);
    expect(scaleFactSchema.safeParse(1e30).success).toBe(true);
    expect(scaleFactSchema.safeParse(1e31).error?.issues[0].message).toBe("must be at most 1e30");
    expect(scaleFactSchema.safeParse(0).error?.issues[0].message).toBe("must be greater than 0");
    expect(scaleFactSchema.safeParse(5e-324).error?.issues[0].message).toBe("must be at least 1");
  });
});
