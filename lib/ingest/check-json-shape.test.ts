import { describe, expect, it } from "vitest";
import { checkJsonShape, JSON_LIMITS } from "./check-json-shape";
import { IngestError, MalformedJsonError } from "./ingest-error";
import { parseLmEvalV04 } from "./parse-lm-eval-v04";

const refusal = (text: string, opts: { prototypeKeys?: "refuse" | "allow" } = {}): IngestError => {
  try {
    checkJsonShape("d.json", text, opts);
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
};

describe("checkJsonShape: duplicate keys", () => {
  it.each([
    ['{"results": {"t": {"acc,none": 0.1, "acc,none": 0.9}}}', "results.t.acc,none", 1],
    ['{"config": {"model_args": "pretrained=a",\n "model_args": "pretrained=b"}}', "config.model_args", 2],
    ['{"a": 1, "b": 2, "a": 3}', "a", 1],
    ['{"list": [{"x": 1}, {"y": 1, "y": 2}]}', "list.1.y", 1],
    ['{"k": {"a": 1, "\\u0061": 2}}', "k.a", 1],
  ])("%j names %s", (text, path, line) => {
    const err = refusal(text);
    expect(err).not.toBeInstanceOf(MalformedJsonError);
    expect(err.key).toBe(path);
    expect(err.line).toBe(line);
    expect(err.message).toMatch(/duplicate key/);
  });

  it("lets the same key appear in different objects, and keys that only look alike", () => {
    expect(() => checkJsonShape("d.json", '{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}], "X": 1, "x": 2}')).not.toThrow();
    expect(() => checkJsonShape("d.json", '{"s": "\\"a\\": 1, \\"a\\": 2", "a": 1}')).not.toThrow();
  });

  it("is what the v0.4 parser meets first: the last value never silently wins", () => {
    const text = '{"results": {"t": {"acc,none": 0.1, "acc,none": 0.9}}, "n-shot": {"t": 0}, "config": {"model_args": "pretrained=m"}}';
    expect(() => parseLmEvalV04("d.json", text)).toThrow("d.json:1: duplicate key \"acc,none\": JSON keeps only the last value, so the file is ambiguous (at results.t.acc,none)");
  });
});

describe("checkJsonShape: what cannot be read at all", () => {
  it("refuses nesting past the limit and prototype keys as malformed (the route's 400)", () => {
    const deep = "[".repeat(JSON_LIMITS.maxDepth + 1) + "]".repeat(JSON_LIMITS.maxDepth + 1);
    expect(refusal(deep)).toBeInstanceOf(MalformedJsonError);
    expect(refusal('{"a": {"__proto__": 1}}')).toBeInstanceOf(MalformedJsonError);
    expect(() => checkJsonShape("d.json", '{"a": {"__proto__": 1}}', { prototypeKeys: "allow" })).not.toThrow();
  });
});
