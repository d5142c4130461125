/**
 * One family's per-item scores on one task view: the models (columns) ordered by
 * scale, the items (rows) with one value per model, null where that model has no
 * score for the item. Built on the server from result_item in one pass.
 */
export type ItemMatrix = {
  models: { model: string; x: number }[];
  items: { key: string; values: (number | null)[] }[];
};

/**
 * Whether an item counts as correct under a sharp metric: a score above ½. For the
 * 0/1 metrics that carry emergence claims (accuracy, exact match, multiple-choice
 * grade) this is exactly "correct"; a fractional score in [0, 1] counts when it is
 * more than half right. Null stays null: a missing item is not a wrong one.
 */
export function isCorrect(value: number | null): boolean | null {
  return value === null ? null : value > 0.5;
}

/** The items scored under every model: the only ones a paired comparison along the whole curve can use. */
export function completeItems(matrix: ItemMatrix): ItemMatrix["items"] {
  return matrix.items.filter((item) => item.values.every((v) => v !== null));
}
