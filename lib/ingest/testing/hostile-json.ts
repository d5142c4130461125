import type { seededRandom } from "./seeded-random";

// Pieces of hostile test files shared by the generators of every format: a
// random source with a hostility, JSON written as text (so it can hold
// duplicate keys, NaN, 1e999), names and numbers that parsers must refuse or survive.

/** A file's random source and how hostile it is: each hostile choice is taken with that probability, else a clean one. */
export type Random = ReturnType<typeof seededRandom> & { hostile: number };

/** A JSON document as text pieces, so that it can hold what JSON.stringify cannot: duplicate keys, NaN, 1e999. */
export type Node = { raw: string } | { entries: [string, Node][] } | { items: Node[] };

export const CLEAN = { names: ["arc_easy", "mmlu", "hellaswag", "gsm8k"], json: ["0.5", "0.25", "0", "1", "0.731"], csv: ["0.5", "0.25", "0", "", "-100"] };

/** A clean value, or with the file's hostility a hostile one. */
export const choose = (r: Random, clean: readonly string[], hostile: readonly string[]) => r.pick(r.next() < r.hostile ? hostile : clean);

export const NAMES = [
  "arc_easy", "mmlu", "g", "hellaswag", "gsm8k", "t\u202Eevil", "zw\u200Bsp", "nul\u0000x", "bell\u0007", "é", "模型", "\uD800half",
  "a".repeat(300), "constructor", "__proto__", "toString", "a,b", "", " ", "x".repeat(5000), "rtl\u2067iso", "tag\u{E0041}", "emoji😀",
];
export const JSON_NUMBERS = [
  "0.5", "0", "-0", "1", "1e308", "1.79e308", "-1.79e308", "5e-324", "1e-300", "1e999", "-1e999", "NaN", "Infinity", "-Infinity",
  "1e15", "1e16", "-100", "0.12345678901234567890", "1".repeat(400), '"N/A"', '"0.5"', "null", "true", "[]", "{}", "2147483648",
];
export const CSV_NUMBERS = [
  "0.5", "", "-100", "NaN", "nan", "1e308", "1.79e308", "5e-324", "1e999", "abc", '"1,5"', " 0.5 ", "-0", "+.5", "1e", ".", "0x10",
  "\u202E1", "0.25", "1e-300", "3000000000", "9".repeat(300),
];
export const raw = (text: string): Node => ({ raw: text });
export const str = (s: string): Node => raw(JSON.stringify(s));

export function write(node: Node): string {
  if ("raw" in node) return node.raw;
  if ("items" in node) return `[${node.items.map(write).join(",")}]`;
  return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(",")}}`;
}

/** Sometimes repeats one entry's key with another value (JSON.parse would keep the last silently). */
export function obj(r: Random, entries: [string, Node][]): Node {
  if (entries.length > 0 && r.next() < 0.08 * r.hostile) entries.push([r.pick(entries)[0], raw(choose(r, CLEAN.json, JSON_NUMBERS))]);
  return { entries };
}
