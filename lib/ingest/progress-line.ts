/** One terminal line of ingest progress: which file, and a bar of its rows. */
export function progressLine(p: { file: string; fileIndex: number; files: number; rowsDone: number; rows: number }): string {
  const width = 24;
  const fraction = p.rows === 0 ? 0 : p.rowsDone / p.rows;
  const filled = Math.round(fraction * width);
  const bar = "#".repeat(filled) + "-".repeat(width - filled);
  const name = p.file.length > 40 ? `…${p.file.slice(-39)}` : p.file.padEnd(40);
  return `[${p.fileIndex + 1}/${p.files}] ${name} [${bar}] ${p.rowsDone}/${p.rows}`;
}
