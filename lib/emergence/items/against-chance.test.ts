import { describe, expect, it } from "vitest";
import { againstChance } from "./against-chance";

describe("againstChance", () => {
  it("reads a size's interval against chance: wholly above, containing it, wholly below", () => {
    expect(againstChance([0.3, 0.4], 0.25)).toBe("above");
    expect(againstChance([0.2, 0.3], 0.25)).toBe("at");
    expect(againstChance([0.1, 0.2], 0.25)).toBe("below");
  });

  it("counts an interval that touches chance as at chance, in both directions", () => {
    expect(againstChance([0.25, 0.4], 0.25)).toBe("at");
    expect(againstChance([0.1, 0.25], 0.25)).toBe("at");
    expect(againstChance([0, 0], 0)).toBe("at");
  });

  it("says nothing without an interval or a known chance level", () => {
    expect(againstChance(null, 0.25)).toBeNull();
    expect(againstChance([0.3, 0.4], null)).toBeNull();
  });
});
