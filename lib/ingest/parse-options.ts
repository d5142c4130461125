/** What a caller of the parsers may restrict beyond what every file must satisfy. */
export type ParseOptions = {
  /**
   * Most rows (scores, stored or skipped as missing) the file may hold; past it
   * the parser stops with a RowLimitError. Undefined: no limit (the CLI).
   */
  maxRows?: number;
  /** "refuse": a JSON key `__proto__`, `constructor` or `prototype` is an error (uploads); default "allow" */
  prototypeKeys?: "refuse" | "allow";
};
