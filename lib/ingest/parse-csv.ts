import { IngestError } from "./ingest-error";

export interface CsvRow {
  /** 1-based line on which the row starts (a quoted cell may span lines) */
  line: number;
  cells: string[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 tokenizer: comma-separated, `"` quotes, `""` escapes a quote,
 * CRLF or LF line ends, a leading UTF-8 BOM ignored. Blank lines are skipped.
 * Cells are returned as written (no trimming, no number conversion).
 * Cells are cut out with slice() rather than grown a character at a time:
 * a million-row file is tokenized several times faster.
 */
export function parseCsv(fileName: string, text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = src.length;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let afterComma = false;
  let i = 0;

  const endRow = () => {
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
    cells = [];
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
      cells.push(cell);
    } else {
      const from = i;
      while (ch !== COMMA && ch !== LF && ch !== CR) {
        if (ch === QUOTE) throw new IngestError(fileName, "quote inside an unquoted cell", { line });
        if (++i === end) break;
        ch = src.charCodeAt(i);
      }
      cells.push(src.slice(from, i));
      if (i === end) ch = -1;
    }
    afterComma = ch === COMMA;
    if (ch === COMMA) {
      i++;
    } else if (ch === LF || ch === CR) {
      endRow();
      i += ch === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      rowLine = line;
    }
  }
  if (afterComma) cells.push("");
  if (cells.length > 0) endRow();
  return rows;
}
