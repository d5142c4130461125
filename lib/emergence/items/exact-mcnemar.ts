import { logGamma } from "../student-t";
import { pairedDifference, type PairedTable } from "./paired-difference";

export type McNemarResult = PairedTable & {
  /** items scored under both models */
  n: number;
  /** two-sided exact p-value of "no change": the discordant items split as Binomial(b + c, ½) */
  p: number;
  /** accuracy of the second model minus the first's over the same items */
  effect: number;
  /** Newcombe's paired interval of the effect (see pairedDifference) */
  interval: [number, number];
};

const logChoose = (m: number, k: number) => logGamma(m + 1) - logGamma(k + 1) - logGamma(m - k + 1);

/**
 * P(X ≤ k) for X ~ Binomial(m, ½), summed in log space so that thousands of
 * discordant items neither underflow nor lose the small tail.
 */
export function binomialHalfLowerTail(k: number, m: number): number {
  if (k >= m) return 1;
  const logs: number[] = [];
  for (let i = 0; i <= k; i++) logs.push(logChoose(m, i) - m * Math.LN2);
  const top = Math.max(...logs);
  return Math.min(1, Math.exp(top) * logs.reduce((sum, l) => sum + Math.exp(l - top), 0));
}

/**
 * The exact McNemar test (McNemar 1947; the exact form is the sign test on the
 * discordant items): under "the two models are equally accurate on these items",
 * each item that one model gets right and the other wrong is equally likely to go
 * either way. p = min(1, 2 · P(X ≤ min(b, c))), X ~ Binomial(b + c, ½); 1 when no
 * item is discordant. Items both models get right or wrong carry no information
 * about the change, which is why this test sees a jump that two independent
 * binomial intervals (each wide with the items' spread) miss.
 */
export function exactMcNemar(table: PairedTable, level = 0.95): McNemarResult {
  const { firstOnly, secondOnly } = table;
  const n = table.both + firstOnly + secondOnly + table.neither;
  const discordant = firstOnly + secondOnly;
  const p = discordant === 0 ? 1 : Math.min(1, 2 * binomialHalfLowerTail(Math.min(firstOnly, secondOnly), discordant));
  return { ...table, n, p, ...pairedDifference(table, level) };
}
