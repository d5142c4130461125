import { IngestError } from "./ingest-error";

export interface CsvRow {
  /** 1-based line on which the row starts (a quoted cell may span lines) */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 tokenizer: comma-separated, `"` quotes, `""` escapes a quote,
 * CRLF or LF line ends, a leading UTF-8 BOM ignored. Blank lines are skipped.
 * Cells are returned as written (no trimming, no number conversion).
 */
export function parseCsv(fileName: string, text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;

  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
    cells = [];
  };

  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          throw new IngestError(fileName, "unexpected character after closing quote", { line });
        }
        continue;
      }
      if (ch === "\n") line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (cell !== "") throw new IngestError(fileName, "quote inside an unquoted cell", { line });
      quoted = true;
      quoteLine = line;
      i++;
    } else if (ch === ",") {
      endCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new IngestError(fileName, "unterminated quoted cell", { line: quoteLine });
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}
