import { holmAdjust } from "../holm";
import { exactMcNemar, type McNemarResult } from "./exact-mcnemar";
import { isCorrect, type ItemMatrix } from "./item-matrix";

export type PairedStep = McNemarResult & {
  from: string;
  to: string;
  /** Holm-adjusted over the family's steps (Holm 1979): a curve of k sizes makes k − 1 tests */
  pAdjusted: number;
  /** the paired test rejects "no change" at the level after adjustment; the sign of effect says which way */
  significant: boolean;
};

/**
 * The exact McNemar test between every two adjacent sizes, over the items both
 * have a score for (correct = isCorrect). A jump is real when this paired test
 * says so, not when two independent binomial intervals happen to separate.
 */
export function toPairedSteps(matrix: ItemMatrix, alpha = 0.05): PairedStep[] {
  const tests = matrix.models.slice(1).map((model, index) => {
    const table = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
    for (const item of matrix.items) {
      const first = isCorrect(item.values[index]);
      const second = isCorrect(item.values[index + 1]);
      if (first === null || second === null) continue;
      if (first && second) table.both++;
      else if (first) table.firstOnly++;
      else if (second) table.secondOnly++;
      else table.neither++;
    }
    return { from: matrix.models[index].model, to: model.model, ...exactMcNemar(table, 1 - alpha) };
  });
  const adjusted = holmAdjust(tests.map((t) => t.p));
  return tests.map((t, i) => ({ ...t, pAdjusted: adjusted[i], significant: adjusted[i] < alpha }));
}
