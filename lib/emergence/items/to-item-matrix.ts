import type { ItemMatrix } from "./item-matrix";

/** One model's stored scores (by checkpoint id) of the items it has, as parallel arrays of item keys and values. */
export type ItemColumnCells = { checkpoint: number; keys: readonly string[]; values: readonly (number | null)[] };

/**
 * Stored item columns into a matrix in one pass: one column per model in the given
 * order, one row per item key (first seen first), null where a model has no score.
 * Columns of checkpoints not among the models are ignored.
 */
export function toItemMatrix(models: { model: string; x: number; checkpoint: number }[], columns: Iterable<ItemColumnCells>): ItemMatrix {
  const position = new Map(models.map((m, i) => [m.checkpoint, i]));
  const rows = new Map<string, (number | null)[]>();
  for (const column of columns) {
    const c = position.get(column.checkpoint);
    if (c === undefined) continue;
    column.keys.forEach((key, i) => {
      let values = rows.get(key);
      if (!values) {
        values = new Array<number | null>(models.length).fill(null);
        rows.set(key, values);
      }
      values[c] = column.values[i];
    });
  }
  return { models: models.map(({ model, x }) => ({ model, x })), items: [...rows].map(([key, values]) => ({ key, values })) };
}
