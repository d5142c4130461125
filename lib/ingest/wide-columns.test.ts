import { describe, expect, it } from "vitest";
import { toWideColumn } from "./wide-columns";

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
