import { describe, expect, it } from "vitest";
import { toCorrectModelBody, toCreateModelBody } from "./to-model-edit-body";

const initial = { parameters: "1011781632", trainingTokens: "299892736000", trainingFlops: "1.82e+21" };

describe("toCreateModelBody", () => {
  it("reads 1.4B-style numbers, leaves empty facts unknown and an empty family null", () => {
    expect(toCreateModelBody({ name: " lab/run ", family: "", parameters: "1.4B", trainingTokens: "300B", trainingFlops: "", source: "log" })).toEqual({
      ok: true, body: { name: "lab/run", family: null, parameters: 1.4e9, trainingTokens: 3e11, trainingFlops: null, source: "log" },
    });
  });

  it("names every field it cannot read", () => {
    expect(toCreateModelBody({ name: "", family: "F", parameters: "lots", trainingTokens: "-3", trainingFlops: "0", source: " " })).toEqual({
      ok: false,
      errors: {
        name: "give the model's name", source: "say where the numbers come from", parameters: expect.stringMatching(/1\.4B/),
        trainingTokens: "must be greater than 0", trainingFlops: "must be greater than 0",
      },
    });
  });
});

describe("toCorrectModelBody", () => {
  it("sends only the facts that changed, and null for a cleared one", () => {
    expect(toCorrectModelBody({ ...initial, parameters: "1.2B", trainingFlops: "", reason: "recount" }, initial)).toEqual({
      ok: true, body: { parameters: 1.2e9, trainingFlops: null, reason: "recount" },
    });
  });

  it("asks for a change and a reason", () => {
    expect(toCorrectModelBody({ ...initial, reason: "" }, initial)).toEqual({
      ok: false, errors: { parameters: "change at least one number", reason: "say why, or where the number comes from" },
    });
  });
});
