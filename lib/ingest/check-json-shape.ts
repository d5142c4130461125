import { IngestError, MalformedJsonError } from "./ingest-error";

/** Nesting and width no results file comes near; past them a document is refused before parsing. */
export const JSON_LIMITS = { maxDepth: 64, maxKeysPerObject: 100_000 };

/**
 * Keys that mean something to JavaScript objects. The parsers keep them as plain
 * data (as JSON.parse does), but code that copies objects by assignment would
 * not; no results file needs them, so the upload API refuses a document with one.
 */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

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
    while (text.charCodeAt(j - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

/** The key as JSON.parse would read it; a malformed escape is left as written (the parser reports it). */
function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return raw;
  }
}

/** One open object (keys seen, the key being read) or array (index of the current item). */
type Frame = { keys: Set<string> | null; key: string; index: number; expectKey: boolean; segment: string | null };

function pathOf(stack: Frame[], last: string): string {
  return [...stack.map((f) => f.segment).filter((s) => s !== null), last].join(".");
}

/**
 * One linear pass over the text, without building the document, that refuses
 * nesting deeper than JSON_LIMITS.maxDepth, objects with more than
 * maxKeysPerObject keys, (unless told otherwise) prototype keys, and a key given
 * twice in one object: JSON.parse keeps the last silently, so `"acc,none": 0.1`
 * then `0.9` would store whichever came second. Its error names the key path
 * (`results.arc_easy.acc,none`). Runs before any parser, so the recursive
 * fallback parser never meets a too-deep document. Syntax errors are left to the
 * parsers, which report them with their position.
 */
export function checkJsonShape(fileName: string, text: string, opts: { prototypeKeys?: "refuse" | "allow" } = {}): void {
  const refuseKeys = opts.prototypeKeys !== "allow";
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (top?.keys && top.expectKey) {
        top.expectKey = false;
        const key = decodeKey(text, i, end);
        if (top.keys.has(key)) {
          throw new IngestError(fileName, `duplicate key ${JSON.stringify(key)}: JSON keeps only the last value, so the file is ambiguous`, {
            line: lineAt(text, i),
            key: pathOf(stack, key),
          });
        }
        top.keys.add(key);
        top.key = key;
        if (top.keys.size > JSON_LIMITS.maxKeysPerObject) {
          throw new MalformedJsonError(fileName, `an object has more than ${JSON_LIMITS.maxKeysPerObject} keys`, { line: lineAt(text, i) });
        }
        if (refuseKeys && FORBIDDEN_KEYS.has(key)) {
          throw new MalformedJsonError(fileName, `the key ${JSON.stringify(key)} is not allowed`, { line: lineAt(text, i) });
        }
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      const segment = top === undefined ? null : top.keys ? top.key : String(top.index);
      stack.push({ keys: c === 0x7b ? new Set() : null, key: "", index: 0, expectKey: c === 0x7b, segment });
      if (stack.length > JSON_LIMITS.maxDepth) {
        throw new MalformedJsonError(fileName, `JSON nested deeper than ${JSON_LIMITS.maxDepth} levels`, { line: lineAt(text, i) });
      }
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c && top !== undefined) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    }
  }
}
