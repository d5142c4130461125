import { checkJsonShape } from "./check-json-shape";
import { MalformedJsonError } from "./ingest-error";

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

/**
 * JSON.parse that also accepts bare NaN / Infinity / -Infinity outside strings.
 * Strict JSON goes through the native parser; only text it rejects is read by
 * the small recursive-descent parser below, which reports line and column.
 * Depth, width and duplicate keys are checked first (checkJsonShape); prototype
 * keys stay data unless refused.
 */
export function parseJsonLenient(fileName: string, text: string, opts: { prototypeKeys?: "refuse" | "allow" } = {}): JsonValue {
  checkJsonShape(fileName, text, { prototypeKeys: opts.prototypeKeys ?? "allow" });
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
    throw new MalformedJsonError(this.fileName, `malformed JSON: ${detail} at line ${line} column ${column}`, { line });
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
