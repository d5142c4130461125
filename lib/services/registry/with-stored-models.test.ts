import { describe, expect, it } from "vitest";
import type { ModelPlan, RegistryLookup, RegistryModel } from "@/lib/ingest/plan-types";
import { withStoredModels } from "./with-stored-models";

const seed: ModelPlan = {
  name: "pythia-70m", family: "Pythia", parameters: 7e7, trainingTokens: 3e11, trainingFlops: 1.26e20, flopsEstimated: true,
  tokensPerStep: 2097152, finalStep: 143000, source: "paper", aliases: ["EleutherAI/pythia-70m"], overwrite: false,
};
const files: Record<string, ModelPlan> = { "pythia-70m": seed, "eleutherai/pythia-70m": seed };
const base: RegistryLookup = { resolveModel: (n) => files[n.toLowerCase()] ?? null, task: () => null, metric: () => null };
const labRun: RegistryModel = { ...seed, name: "lab/run-1", family: "Lab", parameters: 5e8, source: "user-supplied with an upload", aliases: ["/ckpt/run-1"] };

describe("withStoredModels", () => {
  it("resolves stored names and aliases the files do not know, without overwriting", () => {
    const lookup = withStoredModels(base, [labRun]);
    expect(lookup.resolveModel("LAB/run-1")).toMatchObject({ name: "lab/run-1", parameters: 5e8, overwrite: false });
    expect(lookup.resolveModel("/ckpt/run-1")).toMatchObject({ name: "lab/run-1" });
    expect(lookup.resolveModel("nobody")).toBeNull();
    expect(lookup.resolveModel("pythia-70m")).toBe(seed);
  });

  it("prefers a stored correction over the registry file, by name and by the file's alias, filling gaps from the file", () => {
    const corrected: RegistryModel = { ...seed, parameters: 7.1e7, trainingFlops: null, flopsEstimated: false, tokensPerStep: null, source: "re-counted", aliases: [] };
    const lookup = withStoredModels(base, [corrected]);
    for (const name of ["pythia-70m", "EleutherAI/pythia-70m"]) {
      expect(lookup.resolveModel(name)).toEqual({
        ...seed, parameters: 7.1e7, trainingFlops: 1.26e20, flopsEstimated: true, source: "re-counted", aliases: [], overwrite: false,
      });
    }
  });

  it("resolves an alias added in the store to its model even when the files place that name elsewhere", () => {
    const lookup = withStoredModels(base, [{ ...labRun, aliases: ["pythia-70m"] }]);
    expect(lookup.resolveModel("pythia-70m")).toMatchObject({ name: "lab/run-1", parameters: 5e8 });
  });

  it("lets an explicit entry (--models) win over the store", () => {
    const explicit = { ...seed, parameters: 9e7, overwrite: true };
    const lookup = withStoredModels({ ...base, resolveModel: () => explicit }, [{ ...seed, parameters: 1 }]);
    expect(lookup.resolveModel("pythia-70m")).toBe(explicit);
  });
});
