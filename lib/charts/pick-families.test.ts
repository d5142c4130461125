import { describe, expect, it } from "vitest";
import { pickFamilies } from "./pick-families";
import { figureCurves } from "@/lib/figures/testing/figure-fixture";

describe("pickFamilies", () => {
  it("keeps the named families in the view's order", () => {
    expect(pickFamilies(figureCurves(), ["OPT", "Pythia"]).series.map((s) => s.family)).toEqual(["Pythia", "OPT"]);
    expect(pickFamilies(figureCurves(), ["OPT"]).series.map((s) => s.family)).toEqual(["OPT"]);
  });

  it("keeps the whole view when no family is named or none of them exists", () => {
    const all = figureCurves();
    expect(pickFamilies(all, undefined)).toBe(all);
    expect(pickFamilies(all, ["GPT-9"])).toBe(all);
  });
});
