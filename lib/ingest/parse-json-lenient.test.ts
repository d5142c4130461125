import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { NonFiniteLiteral, parseJsonLenient } from "./parse-json-lenient";

describe("parseJsonLenient", () => {
  it("reads strict JSON like JSON.parse", () => {
    expect(parseJsonLenient("a.json", '{"a": [1, 2.5e-3, true, null, "x"]}')).toEqual({ a: [1, 0.0025, true, null, "x"] });
  });

  it("maps bare NaN / Infinity / -Infinity to markers, but not inside strings", () => {
    const doc = parseJsonLenient("a.json", '{"a": NaN, "b": -Infinity, "c": Infinity, "d": "NaN, Infinity", "e": [NaN]}');
    expect(doc).toEqual({
      a: new NonFiniteLiteral("NaN"),
      b: new NonFiniteLiteral("-Infinity"),
      c: new NonFiniteLiteral("Infinity"),
      d: "NaN, Infinity",
      e: [new NonFiniteLiteral("NaN")],
    });
  });

  it("keeps escapes and a __proto__ key as data", () => {
    const doc = parseJsonLenient("a.json", '{"__proto__": 1, "s": "q\\"\\u00e9", "n": NaN}') as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(["__proto__", "s", "n"]);
    expect(doc.s).toBe('q"é');
  });

  it.each([
    ['{\n  "a": 1,\n  "b": NaN,\n}', "line 4 column 1"],
    ['{"a": NaN "b": 1}', "line 1 column 11"],
    ['{"a": NaN', "line 1 column 10"],
    ['{"a": "open', "unterminated string"],
    ["{\"a\": NaN}\nx", "line 2 column 1"],
  ])("reports where %j is malformed", (text, where) => {
    expect(() => parseJsonLenient("bad.json", text)).toThrow(IngestError);
    expect(() => parseJsonLenient("bad.json", text)).toThrow(where);
    expect(() => parseJsonLenient("bad.json", text)).toThrow(/^bad\.json:\d+: malformed JSON/);
  });
});
