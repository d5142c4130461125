import { describe, expect, it } from "vitest";
import { toOverviewQuery } from "./overview-url";

describe("toOverviewQuery", () => {
  it("reads filters from the URL with defaults for the rest", () => {
    expect(toOverviewQuery({ verdict: "abrupt", family: "Pythia", q: "mmlu" })).toEqual({
      verdict: "abrupt", family: "Pythia", q: "mmlu", x: "params", limit: 48, offset: 0,
    });
  });

  it("drops a verdict that does not exist and an absurd limit", () => {
    expect(toOverviewQuery({ verdict: "emergent!", limit: "100000", x: "flops" })).toEqual({ x: "flops", limit: 48, offset: 0 });
  });
});
