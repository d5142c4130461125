import { IngestError } from "./ingest-error";

/**
 * Stands in for a bare `NaN`, `Infinity` or `-Infinity` literal. Python's
 * json.dumps writes these (lm-eval files have been seen with them); they are
 * not JSON, and every parser treats them as a missing value.
 */
export class NonFiniteLiteral {
  constructor(readonly literal: "NaN" | "Infinity" | "-Infinity") {}
}

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | NonFiniteLiteral
  | JsonValue[]
  | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof NonFiniteLiteral);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: ReadonlyArray<[string, JsonValue | (() => JsonValue)]> = [
  ["true", true],
  ["false", false],
  ["null", null],
  ["NaN", () => new NonFiniteLiteral("NaN")],
  ["Infinity", () => new NonFiniteLiteral("Infinity")],
  ["-Infinity", () => new NonFiniteLiteral("-Infinity")],
];

/** Nesting and width no results file comes near; past them a document is refused before parsing. */
export const JSON_LIMITS = { maxDepth: 64, maxKeysPerObject: 100_000 };

/**
 * Keys that mean something to JavaScript objects. The parsers keep them as plain
 * data (as JSON.parse does), but code that copies objects by assignment would
 * not; no results file needs them, so the upload API refuses a document with one.
 */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** End (index of the closing quote) of the string whose opening quote is at `start`; text.length if unterminated. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

/**
 * One linear pass over the text, without building anything, that refuses
 * nesting deeper than JSON_LIMITS.maxDepth, objects with more than
 * maxKeysPerObject keys, and (unless told otherwise) prototype keys. Runs before
 * any parser, so the recursive fallback parser never meets such a document.
 * Syntax errors are left to the parsers, which report them with their position.
 */
export function checkJsonShape(fileName: string, text: string, opts: { prototypeKeys?: "refuse" | "allow" } = {}): void {
  const refuseKeys = opts.prototypeKeys !== "allow";
  const open: number[] = []; // per open container: keys seen so far, or -1 for an array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (expectKey) {
        expectKey = false;
        const top = open.length - 1;
        if (++open[top] > JSON_LIMITS.maxKeysPerObject) {
          throw new IngestError(fileName, `an object has more than ${JSON_LIMITS.maxKeysPerObject} keys`, { line: lineAt(text, i) });
        }
        let key = text.slice(i + 1, end);
        if (refuseKeys && key.includes("\\")) {
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            // a malformed key: the parser reports it
          }
        }
        if (refuseKeys && FORBIDDEN_KEYS.has(key)) {
          throw new IngestError(fileName, `the key ${JSON.stringify(key)} is not allowed`, { line: lineAt(text, i) });
        }
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      open.push(c === 0x7b ? 0 : -1);
      expectKey = c === 0x7b;
      if (open.length > JSON_LIMITS.maxDepth) {
        throw new IngestError(fileName, `JSON nested deeper than ${JSON_LIMITS.maxDepth} levels`, { line: lineAt(text, i) });
      }
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = open.length > 0 && open[open.length - 1] >= 0;
    }
  }
}

/**
 * JSON.parse that also accepts bare NaN / Infinity / -Infinity outside strings.
 * Strict JSON goes through the native parser; only text it rejects is read by
 * the small recursive-descent parser below, which reports line and column.
 * Depth and width are checked first (checkJsonShape); prototype keys stay data.
 */
export function parseJsonLenient(fileName: string, text: string): JsonValue {
  checkJsonShape(fileName, text, { prototypeKeys: "allow" });
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return new LenientReader(fileName, text).readDocument();
  }
}

class LenientReader {
  private pos = 0;

  constructor(
    private readonly fileName: string,
    private readonly text: string,
  ) {}

  readDocument(): JsonValue {
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail("empty JSON document");
    const value = this.readValue();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail("unexpected text after the JSON value");
    return value;
  }

  private fail(detail: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    throw new IngestError(this.fileName, `malformed JSON: ${detail} at line ${line} column ${column}`, { line });
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && " \t\n\r\uFEFF".includes(this.text[this.pos])) this.pos++;
  }

  private readValue(): JsonValue {
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === "{") return this.readObject();
    if (ch === "[") return this.readArray();
    if (ch === '"') return this.readString();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return typeof value === "function" ? value() : value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match) {
      this.pos += match[0].length;
      return Number(match[0]);
    }
    return this.fail(ch === undefined ? "unexpected end of input" : `unexpected character ${JSON.stringify(ch)}`);
  }

  private readString(): string {
    const start = this.pos;
    let i = this.pos + 1;
    while (i < this.text.length && this.text[i] !== '"') i += this.text[i] === "\\" ? 2 : 1;
    if (i >= this.text.length) this.fail("unterminated string", start);
    this.pos = i + 1;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      return this.fail("invalid string escape or control character", start);
    }
  }

  private expect(ch: string, context: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}' ${context}`);
    this.pos++;
  }

  private readArray(): JsonValue[] {
    this.pos++;
    const items: JsonValue[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.readValue());
      this.skipSpace();
      if (this.text[this.pos] === "]") {
        this.pos++;
        return items;
      }
      this.expect(",", "or ']' in array");
    }
  }

  private readObject(): JsonObject {
    this.pos++;
    const out: JsonObject = {};
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail("expected a property name in double quotes");
      const key = this.readString();
      this.expect(":", "after property name");
      // defineProperty, not assignment, so a "__proto__" key stays plain data (as in JSON.parse)
      Object.defineProperty(out, key, { value: this.readValue(), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (this.text[this.pos] === "}") {
        this.pos++;
        return out;
      }
      this.expect(",", "or '}' after property value");
    }
  }
}
