import type { ItemMatrix } from "./item-matrix";

/** A stored score: which model column (by checkpoint id), which item, what value. */
export type ItemCell = { checkpoint: number; key: string; value: number | null };

/**
 * Stored item rows into a matrix in one pass: one column per model in the given
 * order, one row per item key (first seen first), null where a model has no score.
 * Rows of checkpoints not among the models are ignored.
 */
export function toItemMatrix(models: { model: string; x: number; checkpoint: number }[], cells: Iterable<ItemCell>): ItemMatrix {
  const column = new Map(models.map((m, i) => [m.checkpoint, i]));
  const rows = new Map<string, (number | null)[]>();
  for (const cell of cells) {
    const c = column.get(cell.checkpoint);
    if (c === undefined) continue;
    let values = rows.get(cell.key);
    if (!values) {
      values = new Array<number | null>(models.length).fill(null);
      rows.set(cell.key, values);
    }
    values[c] = cell.value;
  }
  return { models: models.map(({ model, x }) => ({ model, x })), items: [...rows].map(([key, values]) => ({ key, values })) };
}
