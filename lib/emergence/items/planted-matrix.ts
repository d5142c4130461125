import { createRandom } from "../random";
import type { ItemMatrix } from "./item-matrix";

/** Six sizes, 70M to 2.8B parameters, as a Pythia-like ladder. */
export const PLANTED_SIZES = [7e7, 1.6e8, 4.1e8, 1e9, 1.4e9, 2.8e9];

/**
 * A test family's items (seeded): `planted` items wrong at every size below
 * `flipAt` and right from it on; `worse` items right at the two smallest sizes and
 * wrong after; the rest right with a chance that rises slowly with size. Keys
 * "0", "1", …: planted first, then worse, then the rest.
 */
export function plantedMatrix(options: { items: number; planted: number; worse: number; flipAt: number; seed?: number }): ItemMatrix {
  const random = createRandom(options.seed ?? 1);
  const models = PLANTED_SIZES.map((x, i) => ({ model: `m${i}`, x }));
  const items = Array.from({ length: options.items }, (_, i) => {
    const values = PLANTED_SIZES.map((_, s) => {
      if (i < options.planted) return s >= options.flipAt ? 1 : 0;
      if (i < options.planted + options.worse) return s < 2 ? 1 : 0;
      return random.uniform() < 0.2 + 0.02 * s ? 1 : 0;
    });
    return { key: String(i), values };
  });
  return { models, items };
}
