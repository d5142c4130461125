import { describe, expect, it } from "vitest";
import { estimateFlops, planFactChanges, toNewModelFacts, type ScaleFacts } from "./plan-fact-changes";

const pythia: ScaleFacts = { parameters: 1e9, trainingTokens: 3e11, trainingFlops: 1.8e21, flopsEstimated: true };
const reported: ScaleFacts = { ...pythia, trainingFlops: 2e21, flopsEstimated: false };

describe("estimateFlops", () => {
  it("is 6·N·D, and unknown when N or D is", () => {
    expect(estimateFlops(1e9, 3e11)).toBe(1.8e21);
    expect(estimateFlops(null, 3e11)).toBeNull();
    expect(estimateFlops(1e9, null)).toBeNull();
  });
});

describe("toNewModelFacts", () => {
  it("keeps given FLOPs as reported, estimates missing ones from N and D, and leaves them unknown otherwise", () => {
    expect(toNewModelFacts({ parameters: 1e9, trainingTokens: 3e11, trainingFlops: 2e21 })).toEqual(reported);
    expect(toNewModelFacts({ parameters: 1e9, trainingTokens: 3e11, trainingFlops: null })).toEqual(pythia);
    expect(toNewModelFacts({ parameters: 1e9, trainingTokens: null, trainingFlops: null })).toEqual({
      parameters: 1e9, trainingTokens: null, trainingFlops: null, flopsEstimated: false,
    });
  });
});

describe("planFactChanges", () => {
  it("re-estimates estimated FLOPs when parameters change, and lists both changes", () => {
    const { next, changes } = planFactChanges(pythia, { parameters: 2e9 });
    expect(next).toEqual({ parameters: 2e9, trainingTokens: 3e11, trainingFlops: 3.6e21, flopsEstimated: true });
    expect(changes).toEqual([
      { field: "parameters", oldValue: 1e9, newValue: 2e9 },
      { field: "trainingFlops", oldValue: 1.8e21, newValue: 3.6e21 },
    ]);
  });

  it("keeps reported FLOPs when tokens change", () => {
    const { next, changes } = planFactChanges(reported, { trainingTokens: 4e11 });
    expect(next).toEqual({ ...reported, trainingTokens: 4e11 });
    expect(changes).toEqual([{ field: "trainingTokens", oldValue: 3e11, newValue: 4e11 }]);
  });

  it("takes given FLOPs as reported, and null FLOPs as a request to estimate", () => {
    expect(planFactChanges(pythia, { trainingFlops: 1.9e21 }).next).toEqual({ ...pythia, trainingFlops: 1.9e21, flopsEstimated: false });
    expect(planFactChanges(reported, { trainingFlops: null }).next).toEqual(pythia);
  });

  it("makes an estimate unknown when a fact it rests on becomes unknown", () => {
    const { next, changes } = planFactChanges(pythia, { trainingTokens: null });
    expect(next).toEqual({ parameters: 1e9, trainingTokens: null, trainingFlops: null, flopsEstimated: false });
    expect(changes.map((c) => c.field)).toEqual(["trainingTokens", "trainingFlops"]);
  });

  it("fills unknown FLOPs once N and D are both known", () => {
    const partial: ScaleFacts = { parameters: 1e9, trainingTokens: null, trainingFlops: null, flopsEstimated: false };
    expect(planFactChanges(partial, { trainingTokens: 3e11 }).next).toEqual(pythia);
  });

  it("changes nothing when the numbers are the same", () => {
    expect(planFactChanges(pythia, { parameters: 1e9 })).toEqual({ next: pythia, changes: [] });
  });
});
