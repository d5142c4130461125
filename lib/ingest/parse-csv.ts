import { IngestError } from "./ingest-error";

export interface CsvRow {
  /** 1-based line on which the row starts (a quoted cell may span lines) */
  line: number;
  cells: string[];
}

/**
 * Cell and header lengths no results table comes near (names are at most 200
 * characters, numbers a few dozen; the demo's longest cell is 243 characters, its
 * widest header 196), far below what would make a pathological cell expensive.
 */
export const CSV_LIMITS = { maxCellChars: 4096, maxHeaderCellChars: 512, maxHeaderChars: 65_536 };

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

const shortName = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

/**
 * RFC 4180 tokenizer: comma-separated, `"` quotes, `""` escapes a quote,
 * CRLF or LF line ends, a leading UTF-8 BOM ignored. Blank lines are skipped.
 * Cells are handed over as written (no trimming, no number conversion), one row
 * at a time, lazily: a caller that stops iterating never has the rest of a huge
 * file read, and a caller can interleave other work between rows (the ingest
 * writes earlier rows while later ones are read). The first row is the header:
 * a header cell over CSV_LIMITS.maxHeaderCellChars, a header over
 * maxHeaderChars, a cell over maxCellChars, or a row with more cells than the
 * header is refused naming its line (and column). Cells are cut out with
 * slice(), one linear pass.
 */
export function* csvRows(fileName: string, text: string): Generator<CsvRow, void, undefined> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = src.length;
  let header: string[] | null = null;
  let cells: string[] = [];
  let extraCells = 0;
  let line = 1;
  let rowLine = 1;
  let afterComma = false;
  let i = 0;

  const push = (cell: string) => {
    if (header === null) {
      if (cell.length > CSV_LIMITS.maxHeaderCellChars) {
        throw new IngestError(fileName, `header cell ${cells.length + 1} is ${cell.length} characters; the limit is ${CSV_LIMITS.maxHeaderCellChars}`, { line: rowLine });
      }
    } else if (cells.length >= header.length) {
      extraCells++;
      return;
    } else if (cell.length > CSV_LIMITS.maxCellChars) {
      const column = shortName(header[cells.length].trim());
      throw new IngestError(fileName, `column "${column}": cell is ${cell.length} characters; the limit is ${CSV_LIMITS.maxCellChars}`, { line: rowLine, key: column });
    }
    cells.push(cell);
  };
  /** The row just ended, or null for a blank line. */
  const endRow = (): CsvRow | null => {
    const row = { line: rowLine, cells };
    cells = [];
    if (row.cells.length === 1 && row.cells[0] === "" && extraCells === 0) return null;
    if (header === null) {
      const chars = row.cells.reduce((sum, c) => sum + c.length + 1, -1);
      if (chars > CSV_LIMITS.maxHeaderChars) {
        throw new IngestError(fileName, `header is ${chars} characters; the limit is ${CSV_LIMITS.maxHeaderChars}`, { line: row.line });
      }
      header = row.cells;
    } else if (extraCells > 0) {
      throw new IngestError(fileName, `row has ${header.length + extraCells} cells, header has ${header.length}`, { line: row.line });
    }
    return row;
  };

  // Each pass reads one cell and the delimiter after it.
  while (i < end) {
    let ch = src.charCodeAt(i);
    if (ch === QUOTE) {
      const quoteLine = line;
      let cell = "";
      let from = ++i;
      for (;;) {
        const close = src.indexOf('"', i);
        if (close === -1) throw new IngestError(fileName, "unterminated quoted cell", { line: quoteLine });
        for (let k = i; k < close; k++) if (src.charCodeAt(k) === LF) line++;
        if (src.charCodeAt(close + 1) === QUOTE) {
          cell += src.slice(from, close + 1);
          i = from = close + 2;
          continue;
        }
        cell += src.slice(from, close);
        i = close + 1;
        break;
      }
      ch = i < end ? src.charCodeAt(i) : -1;
      if (ch !== -1 && ch !== COMMA && ch !== LF && ch !== CR) {
        throw new IngestError(fileName, "unexpected character after closing quote", { line });
      }
      push(cell);
    } else {
      const from = i;
      while (ch !== COMMA && ch !== LF && ch !== CR) {
        if (ch === QUOTE) throw new IngestError(fileName, "quote inside an unquoted cell", { line });
        if (++i === end) break;
        ch = src.charCodeAt(i);
      }
      push(src.slice(from, i));
      if (i === end) ch = -1;
    }
    afterComma = ch === COMMA;
    if (ch === COMMA) {
      i++;
    } else if (ch === LF || ch === CR) {
      const row = endRow();
      extraCells = 0;
      i += ch === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      rowLine = line;
      if (row !== null) yield row;
    }
  }
  if (afterComma) push("");
  if (cells.length > 0 || extraCells > 0) {
    const row = endRow();
    if (row !== null) yield row;
  }
}

/** Each row of a CSV to `onRow`, header first; `onRow` returning false stops the scan (see csvRows). */
export function forEachCsvRow(fileName: string, text: string, onRow: (row: CsvRow) => boolean | void): void {
  for (const row of csvRows(fileName, text)) if (onRow(row) === false) return;
}

/** Every row of a CSV, header first (see forEachCsvRow for what is refused). */
export function parseCsv(fileName: string, text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  forEachCsvRow(fileName, text, (row) => {
    rows.push(row);
  });
  return rows;
}
