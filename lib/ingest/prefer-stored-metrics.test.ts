import { describe, expect, it } from "vitest";
import { preferStoredMetrics } from "./prefer-stored-metrics";
import type { RegistryLookup } from "./plan-types";

const registry: RegistryLookup = {
  resolveModel: () => null,
  task: () => null,
  metric: (name) => ({ name, higherIsBetter: true, lowerBound: null, upperBound: null, kind: null }),
};

describe("preferStoredMetrics", () => {
  it("uses the stored definition when there is one, the registry's otherwise", () => {
    const lookup = preferStoredMetrics(registry, [
      { name: "acc", higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" },
    ]);
    expect(lookup.metric("acc")).toMatchObject({ lowerBound: 0, upperBound: 1 });
    expect(lookup.metric("f1")).toMatchObject({ lowerBound: null, upperBound: null });
  });
});
