/** How a model without a family is grouped and shown: its own series, one name everywhere (no quotes: it is also an SQL literal). */
export const NO_FAMILY = "(no family)";
