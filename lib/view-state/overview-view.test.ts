import { describe, expect, it } from "vitest";
import { toOverviewQuery } from "./overview-view";

describe("toOverviewQuery", () => {
  it("reads filters from the URL with defaults for the rest", () => {
    expect(toOverviewQuery({ verdict: "abrupt", family: "Pythia", q: "mmlu", filter: "strict-match", sort: "q" })).toEqual({
      verdict: "abrupt", family: "Pythia", q: "mmlu", filter: "strict-match", x: "params", sort: "q", limit: 48, offset: 0,
    });
  });

  it("reads the page: a store of thousands of curves is paged, never one long list", () => {
    expect(toOverviewQuery({ offset: "96", limit: "48" })).toMatchObject({ limit: 48, offset: 96 });
    expect(toOverviewQuery({ offset: "-5" })).toMatchObject({ offset: 0 });
  });

  it("drops a verdict that does not exist, an unknown sort and an absurd limit", () => {
    expect(toOverviewQuery({ verdict: "emergent!", limit: "100000", x: "flops", sort: "random" })).toEqual({
      x: "flops", sort: "evidence", limit: 48, offset: 0,
    });
  });
});
