import { describe, expect, it } from "vitest";
import type { ModelPlan, RegistryLookup, RegistryModel } from "@/lib/ingest/plan-types";
import { withStoredModels } from "./with-stored-models";

const seed: ModelPlan = {
  name: "pythia-70m", family: "Pythia", parameters: 7e7, trainingTokens: 3e11, trainingFlops: null, flopsEstimated: false,
  tokensPerStep: null, finalStep: null, source: "paper", aliases: [], overwrite: false,
};
const base: RegistryLookup = { resolveModel: (n) => (n === "pythia-70m" ? seed : null), task: () => null, metric: () => null };
const stored: RegistryModel = { ...seed, name: "lab/run-1", family: "Lab", parameters: 5e8, source: "user-supplied with an upload", aliases: ["/ckpt/run-1"] };

describe("withStoredModels", () => {
  it("prefers the registry files, then resolves stored names and aliases without overwriting", () => {
    const lookup = withStoredModels(base, [stored, { ...seed, parameters: 1 }]);
    expect(lookup.resolveModel("pythia-70m")).toBe(seed);
    expect(lookup.resolveModel("LAB/run-1")).toMatchObject({ name: "lab/run-1", parameters: 5e8, overwrite: false });
    expect(lookup.resolveModel("/ckpt/run-1")).toMatchObject({ name: "lab/run-1" });
    expect(lookup.resolveModel("nobody")).toBeNull();
  });
});
