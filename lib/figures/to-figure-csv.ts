import type { CsvValue, Figure, FigureRow } from "./figure-types";

/** The main figure's columns: header name and FigureRow key. */
export const FIGURE_COLUMNS: [string, keyof FigureRow][] = [
  ["task", "task"], ["metric", "metric"], ["shots", "shots"], ["axis", "axis"], ["family", "family"], ["model", "model"],
  ["x", "x"], ["x_estimated", "xEstimated"], ["parameters", "parameters"], ["training_tokens", "trainingTokens"],
  ["training_flops", "trainingFlops"], ["value", "value"], ["stderr", "stderr"], ["error_bar", "errorBar"], ["n", "n"],
  ["verdict", "verdict"], ["vs_chance", "vsChance"], ["upload_id", "uploadId"], ["file_name", "fileName"], ["upload_sha256", "sha256"],
];

/**
 * A text cell a spreadsheet will not run: a leading = + - @, tab or CR makes
 * Excel, LibreOffice and Sheets read a formula (OWASP "CSV injection"), so such
 * cells get a leading apostrophe. Numbers are written from numbers and left alone.
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A value as a CSV cell: null is empty (missing, never 0); numbers in JavaScript's round-trip form. */
export function toCsvCell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return quote(neutralizeCell(value));
}

/** The data behind the figure, one row each (for the main figure: every plotted point with its scale, uncertainty, verdict and source file). */
export function toFigureCsv(figure: Figure): string {
  const lines = [figure.columns.map(([name]) => name).join(",")];
  for (const row of figure.rows) lines.push(figure.columns.map(([, key]) => toCsvCell(row[key] ?? null)).join(","));
  return lines.join("\r\n") + "\r\n";
}
