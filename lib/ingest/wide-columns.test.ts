import { describe, expect, it } from "vitest";
import { seededRandom } from "./testing/seeded-random";
import { splitTaskShotsMetric, toWideColumn } from "./wide-columns";

describe("toWideColumn", () => {
  it.each([
    ["MMLU", { task: "mmlu", metric: "acc", shots: 5 }],
    ["ARC-C", { task: "arc_challenge", metric: "acc_norm", shots: 25 }],
    ["XWinograd", { task: "xwinograd", metric: "acc", shots: null }],
    ["leaderboard_math_hard", { task: "leaderboard_math_hard", metric: "exact_match", shots: 4 }],
    ["ipa_transliterate_2_bleu", { task: "ipa_transliterate", metric: "bleu", shots: 2 }],
    ["word_unscrambling_2_exact_match", { task: "word_unscrambling", metric: "exact_match", shots: 2 }],
    ["parsinlu_qa_2_acc", { task: "parsinlu_qa", metric: "acc", shots: 2 }],
    ["arithmetic_3ds_2_acc", { task: "arithmetic_3ds", metric: "acc", shots: 2 }],
    ["hellaswag/acc_norm", { task: "hellaswag", metric: "acc_norm", shots: null }],
    ["gsm8k:exact_match", { task: "gsm8k", metric: "exact_match", shots: null }],
    ["Average", null],
    ["notes_here", null],
  ])("%s", (header, expected) => {
    expect(toWideColumn(header)).toEqual(expected);
  });
});

describe("splitTaskShotsMetric", () => {
  /** The pattern it replaces, quadratic on a long header. */
  const OLD = /^(.+)_(\d+)_([A-Za-z][\w@.-]*)$/;

  it("splits as the old pattern did on 20,000 random headers", () => {
    const random = seededRandom(11);
    // pieces rather than characters, so that many headers do have the shape
    const alphabet = ["a", "Zb", "1", "_", "_1_", "_25_", "_3_a", ".", "-", "@", "/", "!", "\n", " "];
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const name = random.text(alphabet, random.int(8));
      const old = OLD.exec(name);
      if (old) matched++;
      expect(splitTaskShotsMetric(name), JSON.stringify(name)).toEqual(
        old ? { task: old[1], metric: old[3], shots: Number(old[2]) } : null,
      );
    }
    expect(matched).toBeGreaterThan(200);
  });

  it("answers for an 80 KB header cell without backtracking", () => {
    expect(splitTaskShotsMetric("x_1_a".repeat(16_000) + "!")).toBeNull();
  });

  it("does not read prototype names as known columns", () => {
    expect(toWideColumn("constructor")).toBeNull();
    expect(toWideColumn("__proto__")).toBeNull();
  });
});
