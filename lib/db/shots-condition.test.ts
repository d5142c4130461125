import { describe, expect, it } from "vitest";
import { shotsCondition } from "./shots-condition";

describe("shotsCondition", () => {
  it("compares known shots through the next parameter", () => {
    const params: unknown[] = ["task"];
    expect(shotsCondition("r.shots", 5, params)).toBe("r.shots = $2::int");
    expect(params).toEqual(["task", 5]);
  });

  it("asks for NULL, without a parameter, when the shots are unknown", () => {
    const params: unknown[] = [1];
    expect(shotsCondition("shots", null, params)).toBe("shots IS NULL");
    expect(params).toEqual([1]);
  });

  it("treats zero shots as known", () => {
    expect(shotsCondition("shots", 0, [])).toBe("shots = $1::int");
  });
});
