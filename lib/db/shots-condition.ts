/**
 * `column = $n` for known shots, `column IS NULL` for unknown ones: unlike
 * `IS NOT DISTINCT FROM $n`, both let an index on shots filter the rows.
 * Appends the parameter to `params` when one is needed.
 */
export function shotsCondition(column: string, shots: number | null, params: unknown[]): string {
  if (shots === null) return `${column} IS NULL`;
  params.push(shots);
  return `${column} = $${params.length}::int`;
}
