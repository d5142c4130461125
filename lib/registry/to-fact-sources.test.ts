import { describe, expect, it } from "vitest";
import type { ModelEdit } from "@/lib/schemas/model-registry";
import { toFactSources, type StoredFacts } from "./to-fact-sources";

const FILE = "EleutherAI/pythia README";
const model: StoredFacts = {
  parameters: 1.2e10, trainingTokens: 3e11, trainingFlops: null,
  parametersSource: "re-counted from the checkpoint", tokensSource: FILE, flopsSource: null,
};
const edit = (over: Partial<ModelEdit>): ModelEdit => ({
  field: "parameters", oldValue: 1.18e10, newValue: 1.2e10, detail: null, reason: "re-counted from the checkpoint", tokenName: "alice", at: "2026-11-26T09:00:00.000Z", ...over,
});

describe("toFactSources", () => {
  it("credits the edit that set a fact, and the file's source for the others", () => {
    const latest = edit({});
    const sources = toFactSources(model, [latest, edit({ field: "alias", detail: "p12b", newValue: null, reason: "alias added" })]);
    expect(sources).toEqual({
      parameters: { kind: "edit", source: "re-counted from the checkpoint", edit: latest },
      trainingTokens: { kind: "cited", source: FILE, edit: null },
      trainingFlops: { kind: "unknown", source: null, edit: null },
    });
  });

  it("does not credit an edit whose number was replaced since (by an upload's mapping)", () => {
    const replaced = { ...model, parameters: 1.3e10, parametersSource: "user-supplied with an upload" };
    expect(toFactSources(replaced, [edit({})]).parameters).toEqual({ kind: "upload", source: "user-supplied with an upload", edit: null });
  });

  it("credits the creation of a model added on /models to each fact it was added with", () => {
    const created = edit({ field: "created", oldValue: null, newValue: null, reason: FILE });
    const sources = toFactSources({ ...model, parametersSource: FILE }, [created]);
    expect(sources.parameters.edit).toBe(created);
    expect(sources.trainingTokens.edit).toBe(created);
    expect(sources.trainingFlops.edit).toBeNull();
  });
});
