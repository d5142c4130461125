import { describe, expect, it } from "vitest";
import { findHiddenCharacter, safeTextSchema } from "./safe-name";

describe("findHiddenCharacter (the name rule)", () => {
  it.each([
    ["pythia-1.4b\u202E", "a right-to-left override (U+202E)"],
    ["gpt\u200Bneo", "a zero-width space (U+200B)"],
    ["a\u200Db", "a zero-width joiner (U+200D)"],
    ["\u2066model\u2069", "a left-to-right isolate (U+2066)"],
    ["m\u200F", "a right-to-left mark (U+200F)"],
    ["\uFEFFmodel", "a byte order mark (U+FEFF)"],
    ["soft\u00ADhyphen", "a soft hyphen (U+00AD)"],
    ["nul\u0000", "a control character (U+0000)"],
    ["bell\u0007", "a control character (U+0007)"],
    ["c1\u0085", "a control character (U+0085)"],
    ["half\uD800", "a lone surrogate (U+D800)"],
    ["tag\u{E0041}", "an invisible character (U+E0041)"],
    ["private\uE000", "a private-use character (U+E000)"],
    ["line\u2028sep", "a line or paragraph separator (U+2028)"],
    ["filler\u3164", "an invisible character (U+3164)"],
    ["vs\uFE0F", "an invisible character (U+FE0F)"],
  ])("refuses %j: %s", (name, found) => {
    expect(findHiddenCharacter(name)).toBe(found);
  });

  it.each(["EleutherAI/pythia-1.4b-deduped", "modèle-7b", "模型-7B", "نموذج", "מודל", "model 7b", "😀-run", "step 1000 (final)"])(
    "accepts %j",
    (name) => {
      expect(findHiddenCharacter(name)).toBeNull();
    },
  );

  it("is the registry's rule too: one issue naming the character", () => {
    const checked = safeTextSchema(200).safeParse("lab/x\u202Ey");
    expect(checked.error?.issues[0].message).toBe(
      "must not contain control characters, invisible characters or bidirectional formatting; found a right-to-left override (U+202E)",
    );
    expect(safeTextSchema(200).parse("  lab/x  ")).toBe("lab/x");
  });
});
