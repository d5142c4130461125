import { describe, expect, it } from "vitest";
import { addAliasBodySchema, correctModelBodySchema, createModelBodySchema } from "./model-registry";

const add = { name: "lab/run-1", family: "Lab", parameters: 1e9, trainingTokens: null, trainingFlops: null, source: "our training log" };
const firstIssue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? null : [r.error!.issues[0].path.join("."), r.error!.issues[0].message];

describe("registry edit bodies", () => {
  it("accept a model, a correction and an alias, trimming names", () => {
    expect(createModelBodySchema.parse({ ...add, name: "  lab/run-1 " }).name).toBe("lab/run-1");
    expect(correctModelBodySchema.parse({ parameters: 2e9, reason: "paper v2" })).toEqual({ parameters: 2e9, reason: "paper v2" });
    expect(addAliasBodySchema.parse({ alias: "run1" })).toEqual({ alias: "run1" });
  });

  it.each([
    ["a negative number", { ...add, parameters: -1 }, "parameters", /greater than 0/],
    ["zero", { ...add, parameters: 0 }, "parameters", /greater than 0/],
    ["a numeric string", { ...add, trainingTokens: "3e11" }, "trainingTokens", /number/],
    ["NaN as text", { ...add, trainingFlops: "NaN" }, "trainingFlops", /number/],
    ["a name over 200 characters", { ...add, name: "x".repeat(201) }, "name", /at most 200/],
    ["a control character", { ...add, family: "La\u0007b" }, "family", /control characters/],
    ["an empty source", { ...add, source: "   " }, "source", /empty/],
    ["no fact at all", { ...add, parameters: null }, "parameters", /at least one/],
    ["an unknown field", { ...add, flops: 1 }, "", /flops/],
  ])("refuse %s, naming the field", (_what, body, field, message) => {
    const issue = firstIssue(createModelBodySchema.safeParse(body));
    expect(issue?.[0]).toBe(field);
    expect(issue?.[1]).toMatch(message);
  });

  it("refuse a correction without a reason or without a fact", () => {
    expect(firstIssue(correctModelBodySchema.safeParse({ parameters: 1e9 }))?.[0]).toBe("reason");
    expect(firstIssue(correctModelBodySchema.safeParse({ reason: "why" }))?.[0]).toBe("parameters");
  });
});
