import type { EmergenceClaim } from "@/lib/schemas/audit";

const WEI = "Wei et al. 2022, “Emergent Abilities of Large Language Models”, TMLR (arXiv:2206.07682)";
const SCHAEFFER = "Schaeffer et al. 2023 (Schaeffer, Miranda & Koyejo), “Are Emergent Abilities of Large Language Models a Mirage?”, NeurIPS (arXiv:2304.15004)";
const BIGBENCH = "BIG-bench (Srivastava et al. 2022, arXiv:2206.04615)";
const FIGURE2_FAMILIES = "the families of Figure 2 (LaMDA, GPT-3, Gopher, Chinchilla, PaLM); which of them each panel plots is not recorded here";
const FIGURE2_SCALE = "Figure 2 plots the curves and states no scale in numbers; Table 1 lists this task only under “Many BIG-Bench tasks (see Appendix E)”, which is not entered here";

/**
 * The literature's claims of emergence that the audit checks, with where each is
 * stated. Scales are copied as Table 1 of Wei et al. prints them; where a source
 * gives no number, or it was not checked against the paper, the field is null and
 * the note says so. A claim whose ability no stored task measures keeps an empty
 * storeTasks: the audit lists it as "not in the store".
 */
export const EMERGENCE_CLAIMS: EmergenceClaim[] = [
  {
    id: "wei-3-digit-arithmetic",
    source: WEI, where: "Table 1", ability: "Addition/subtraction (3 digit)", claimedFor: "GPT-3 (Brown et al. 2020)",
    emergentFlops: "2.3E+22", emergentParams: "13B",
    expects: [{ metric: "accuracy", storeMetrics: ["acc"], verdict: "abrupt" }],
    storeTasks: ["arithmetic_3da", "arithmetic_3ds"],
    note: "Table 1 names no metric; Brown et al. 2020 score the exact answer's accuracy. The store's arithmetic_3da and arithmetic_3ds (3-digit addition and subtraction, 2-shot, from the ObsScaling CSV) are the task set of Brown et al. as lm-evaluation-harness names it.",
  },
  {
    id: "wei-4-5-digit-arithmetic",
    source: WEI, where: "Table 1", ability: "Addition/subtraction (4-5 digit)", claimedFor: "GPT-3 (Brown et al. 2020)",
    emergentFlops: "3.1E+23", emergentParams: "175B",
    expects: [{ metric: "accuracy", storeMetrics: ["acc"], verdict: "abrupt" }],
    storeTasks: ["arithmetic_4da", "arithmetic_4ds", "arithmetic_5da", "arithmetic_5ds"],
    note: "Table 1 names no metric; Brown et al. 2020 score the exact answer's accuracy. lm-evaluation-harness names these tasks arithmetic_4da … arithmetic_5ds; the demo has none of them.",
  },
  {
    id: "wei-mmlu-57",
    source: WEI, where: "Table 1; Figure 2G (multi-task NLU)", ability: "MMLU Benchmark (57 topic avg.)", claimedFor: "GPT-3 (Hendrycks et al. 2021)",
    emergentFlops: "3.1E+23", emergentParams: "175B",
    expects: [{ metric: "accuracy", storeMetrics: ["acc"], verdict: "abrupt" }],
    storeTasks: ["mmlu"],
    note: "The store's mmlu is the ObsScaling column (5-shot accuracy, mean over the 57 subjects). Table 1 also lists MMLU for Gopher (26 topics) and Chinchilla (30 topics) without naming the topics, so those rows are not matched to the Pythia files' per-subject tasks.",
  },
  {
    id: "wei-truthfulqa",
    source: WEI, where: "Table 1; Figure 2E", ability: "Truthfulness (Truthful QA)", claimedFor: "Gopher (Rae et al. 2021)",
    emergentFlops: "5.0E+23", emergentParams: "280B",
    expects: [{ metric: null, storeMetrics: ["mc2"], verdict: "abrupt" }],
    storeTasks: ["truthfulqa_mc2"],
    note: "Table 1 names no metric and the score Gopher reported was not checked here; the store has TruthfulQA mc2 (the Open LLM Leaderboard v1 score in the ObsScaling CSV), which may be a different score of the same questions.",
  },
  {
    id: "wei-toxicity",
    source: WEI, where: "Table 1", ability: "Toxicity classification (CivilComments)", claimedFor: "Gopher (Rae et al. 2021)",
    emergentFlops: "1.3E+22", emergentParams: "7.1B",
    expects: [{ metric: null, storeMetrics: [], verdict: "abrupt" }],
    storeTasks: [],
    note: "No CivilComments results in the store.",
  },
  {
    id: "wei-grounded-mappings",
    source: WEI, where: "Table 1; Figure 2F", ability: "Grounded conceptual mappings", claimedFor: "GPT-3 (Patel & Pavlick 2022)",
    emergentFlops: "3.1E+23", emergentParams: "175B",
    expects: [{ metric: null, storeMetrics: [], verdict: "abrupt" }],
    storeTasks: [],
    note: "No grounded-mapping results in the store.",
  },
  {
    id: "wei-wic",
    source: WEI, where: "Table 1; Figure 2H", ability: "Word in Context (WiC) benchmark", claimedFor: "PaLM (Chowdhery et al. 2022)",
    emergentFlops: "2.5E+24", emergentParams: "540B",
    expects: [{ metric: null, storeMetrics: [], verdict: "abrupt" }],
    storeTasks: ["wic"],
    note: "lm-evaluation-harness names the task wic; the demo has no WiC results.",
  },
  {
    id: "wei-modified-arithmetic",
    source: WEI, where: "Figure 2A", ability: "Modified arithmetic", claimedFor: FIGURE2_FAMILIES,
    emergentFlops: null, emergentParams: null,
    expects: [{ metric: "accuracy", storeMetrics: ["acc"], verdict: "abrupt" }],
    storeTasks: ["modified_arithmetic"],
    note: `${BIGBENCH} task modified_arithmetic, a different task from 3-digit arithmetic; the demo has no results of it. ${FIGURE2_SCALE}.`,
  },
  {
    id: "wei-ipa-transliterate",
    source: WEI, where: "Figure 2B", ability: "IPA transliterate", claimedFor: FIGURE2_FAMILIES,
    emergentFlops: null, emergentParams: null,
    expects: [{ metric: "BLEU", storeMetrics: ["bleu"], verdict: "abrupt" }],
    storeTasks: ["ipa_transliterate"],
    note: `${BIGBENCH} task ipa_transliterate; the store has the same outputs scored by BLEU and by exact match (ObsScaling, 2-shot), so the claim's metric and a stricter one can be read side by side. ${FIGURE2_SCALE}.`,
  },
  {
    id: "wei-word-unscramble",
    source: WEI, where: "Figure 2C", ability: "Word unscramble", claimedFor: FIGURE2_FAMILIES,
    emergentFlops: null, emergentParams: null,
    expects: [{ metric: "exact match", storeMetrics: ["exact_match"], verdict: "abrupt" }],
    storeTasks: ["word_unscrambling"],
    note: `${BIGBENCH} task word_unscrambling (ObsScaling, 2-shot, exact match). ${FIGURE2_SCALE}.`,
  },
  {
    id: "wei-persian-qa",
    source: WEI, where: "Figure 2D", ability: "Persian QA", claimedFor: FIGURE2_FAMILIES,
    emergentFlops: null, emergentParams: null,
    expects: [{ metric: null, storeMetrics: ["acc"], verdict: "abrupt" }],
    storeTasks: ["parsinlu_qa"],
    note: `${BIGBENCH} task parsinlu_qa as the ObsScaling CSV scores it (2-shot, multiple-choice accuracy, chance 0.25); the figure's metric was not checked against this one. ${FIGURE2_SCALE}.`,
  },
  {
    id: "schaeffer-2-digit-multiplication",
    source: SCHAEFFER, where: "§3, GPT-3/InstructGPT arithmetic", ability: "2-digit multiplication (two 2-digit integers)", claimedFor: "GPT-3 / InstructGPT",
    emergentFlops: null, emergentParams: null,
    expects: [
      { metric: "accuracy", storeMetrics: ["acc"], verdict: "abrupt" },
      { metric: "token edit distance", storeMetrics: [], verdict: "smooth" },
    ],
    storeTasks: ["arithmetic_2dm"],
    note: "The dispute: sharp under accuracy, smooth when the same outputs are scored by token edit distance. Schaeffer et al. made their own problems; the store's arithmetic_2dm (Brown et al. 2020's set, ObsScaling, 2-shot) is the same operation scored by accuracy only, and without per-item outputs it cannot be re-scored, so only the accuracy half is checked.",
  },
  {
    id: "schaeffer-4-digit-addition",
    source: SCHAEFFER, where: "§3, GPT-3/InstructGPT arithmetic", ability: "4-digit addition (two 4-digit integers)", claimedFor: "GPT-3 / InstructGPT",
    emergentFlops: null, emergentParams: null,
    expects: [
      { metric: "accuracy", storeMetrics: ["acc"], verdict: "abrupt" },
      { metric: "token edit distance", storeMetrics: [], verdict: "smooth" },
    ],
    storeTasks: ["arithmetic_4da"],
    note: "lm-evaluation-harness names the task arithmetic_4da; the demo has no results of it.",
  },
];
