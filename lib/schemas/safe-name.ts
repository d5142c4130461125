import { z } from "zod";

/**
 * Characters a name must not contain. A name (model, alias, family, task, metric,
 * filter, revision) is shown in pages, figures, CSV exports and logs, and is what
 * two uploads must spell the same way to meet: so nothing it holds may be
 * invisible or reorder the text around it. Refused, never silently rewritten
 * (no NFKC): the file keeps meaning what its author wrote.
 *
 * - control characters (Cc: C0, DEL, C1), e.g. NUL, which Postgres text refuses
 * - format characters (Cf): bidirectional embeddings, overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM), zero-width space, joiners and
 *   word joiner (U+200B–U+200D, U+2060), soft hyphen, BOM, tag characters
 * - lone surrogates (Cs: cannot be stored as UTF-8), private-use characters (Co)
 * - line and paragraph separators (Zl, Zp)
 * - characters drawn as nothing: combining grapheme joiner, Hangul fillers,
 *   variation selectors
 */
/** Control characters (Cc: C0, DEL, C1), e.g. NUL, which Postgres text refuses: refused in every name and parameter a client sends, dropped from file names. */
export const CONTROL_CHARACTER = /\p{Cc}/u;
/** A lone surrogate (Cs): a string that cannot be stored as UTF-8. */
export const LONE_SURROGATE = /\p{Cs}/u;

const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

const NAMED: Record<number, string> = {
  0x200b: "zero-width space", 0x200c: "zero-width non-joiner", 0x200d: "zero-width joiner", 0x2060: "word joiner",
  0x200e: "left-to-right mark", 0x200f: "right-to-left mark", 0x061c: "Arabic letter mark",
  0x202a: "left-to-right embedding", 0x202b: "right-to-left embedding", 0x202c: "pop directional formatting",
  0x202d: "left-to-right override", 0x202e: "right-to-left override", 0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
  0xfeff: "byte order mark", 0x00ad: "soft hyphen",
};

function kindOf(ch: string, code: number): string {
  if (NAMED[code] !== undefined) return `a ${NAMED[code]}`;
  if (CONTROL_CHARACTER.test(ch)) return "a control character";
  if (LONE_SURROGATE.test(ch)) return "a lone surrogate";
  if (/\p{Co}/u.test(ch)) return "a private-use character";
  if (/[\p{Zl}\p{Zp}]/u.test(ch)) return "a line or paragraph separator";
  return "an invisible character";
}

/**
 * The first character of `value` the name rule refuses, described as
 * `a right-to-left override (U+202E)`; null when the name is clean.
 */
export function findHiddenCharacter(value: string): string | null {
  const found = HIDDEN.exec(value);
  if (found === null) return null;
  const code = found[0].codePointAt(0)!;
  return `${kindOf(found[0], code)} (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** What a schema says when the rule refuses a text. */
export function hiddenCharacterMessage(found: string): string {
  return `must not contain control characters, invisible characters or bidirectional formatting; found ${found}`;
}

/** The rule as a zod refinement: one issue naming the character. */
export function refuseHiddenCharacters(value: string, ctx: z.RefinementCtx): void {
  const found = findHiddenCharacter(value);
  if (found !== null) ctx.addIssue({ code: "custom", message: hiddenCharacterMessage(found) });
}

/** A trimmed, non-empty text of at most `max` characters obeying the name rule. */
export function safeTextSchema(max: number) {
  return z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).superRefine(refuseHiddenCharacters);
}
