import { describe, expect, it } from "vitest";
import { GROUP_LIMITS, toShotsLookup } from "./group-shots";
import { IngestError } from "./ingest-error";
import type { JsonObject } from "./parse-json-lenient";
import { parseLmEvalV04 } from "./parse-lm-eval-v04";

/** Group i lists group i + 1 eight times, down to a leaf task: 8^depth paths, depth + 1 names. */
function fanOut(depth: number): JsonObject {
  const groups: JsonObject = {};
  for (let i = 0; i < depth; i++) groups[`g${i}`] = Array(8).fill(i + 1 < depth ? `g${i + 1}` : "leaf");
  return groups;
}

/** An n-shot object that counts how often it is consulted. */
function countingNShot(entries: JsonObject) {
  const seen = { lookups: 0 };
  const proxy = new Proxy(entries, {
    get(target, key, receiver) {
      seen.lookups++;
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      seen.lookups++;
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      seen.lookups++;
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  return { nShot: proxy, seen };
}

const keyOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (err) {
    if (err instanceof IngestError) return err.key;
    throw err;
  }
  return undefined;
};

describe("toShotsLookup", () => {
  it("resolves a group's shots from its subtasks, consulting each name once however often it is shared", () => {
    const { nShot, seen } = countingNShot({ leaf: 5 });
    const shotsOf = toShotsLookup("g.json", nShot, fanOut(8));
    expect(shotsOf("g0")).toBe(5);
    expect(shotsOf("g3")).toBe(5);
    // 9 names (g0..g7, leaf), at most two lookups each; the exponential lookup made 8^8
    expect(seen.lookups).toBeLessThanOrEqual(2 * 9);
  });

  it("gives null when subtasks disagree, and the file's own entry when a group has one", () => {
    const shotsOf = toShotsLookup("g.json", { a: 0, b: 5, h: 3 }, { g: ["a", "b"], h: ["a", "b"] });
    expect(shotsOf("g")).toBeNull();
    expect(shotsOf("h")).toBe(3);
  });

  it("refuses a group that contains itself, naming the entry that closes the cycle", () => {
    expect(keyOf(() => toShotsLookup("g.json", {}, { g: Array(8).fill("g") }))).toBe("group_subtasks.g.0");
    expect(() => toShotsLookup("g.json", {}, { a: ["x", "b"], b: ["a"] })).toThrow('g.json: group "a" contains itself: a → b → a (at group_subtasks.b.0)');
  });

  it(`accepts ${GROUP_LIMITS.maxDepth} levels of groups and refuses one more, naming the chain`, () => {
    expect(() => toShotsLookup("g.json", {}, fanOut(GROUP_LIMITS.maxDepth))).not.toThrow();
    const deeper = fanOut(GROUP_LIMITS.maxDepth + 1);
    expect(keyOf(() => toShotsLookup("g.json", {}, deeper))).toBe(`group_subtasks.g${GROUP_LIMITS.maxDepth - 1}.0`);
    expect(() => toShotsLookup("g.json", {}, deeper)).toThrow(/groups nest deeper than 16 levels: g0 → g1 → .* → g16/);
  });

  it("ignores entries that are not names and groups that are not lists, as before", () => {
    const shotsOf = toShotsLookup("g.json", { a: 2 }, { g: ["a", 7, null], h: "a", e: [] });
    expect(shotsOf("g")).toBeNull();
    expect(shotsOf("h")).toBeNull();
    expect(shotsOf("e")).toBeNull();
  });
});

describe("parseLmEvalV04 with hostile groups", () => {
  const file = (groups: JsonObject) =>
    JSON.stringify({ results: { g: { "acc,none": 0.5 } }, group_subtasks: groups, "n-shot": {}, config: { model_args: "pretrained=x" }, lm_eval_version: "0.4.3" });

  it("refuses the 188-byte self-nesting group of issue 10 naming its key", () => {
    expect(() => parseLmEvalV04("g.json", file({ g: Array(8).fill("g") }))).toThrow(/^g\.json: group "g" contains itself: g → g \(at group_subtasks\.g\.0\)$/);
  });

  it("reads a wide, 8-deep but acyclic group tree", () => {
    const parsed = parseLmEvalV04("g.json", file(fanOut(8)).replace('"n-shot":{}', '"n-shot":{"leaf":2}').replace('"results":{"g"', '"results":{"g0"'));
    expect(parsed.results).toEqual([expect.objectContaining({ task: "g0", shots: 2 })]);
  });
});
