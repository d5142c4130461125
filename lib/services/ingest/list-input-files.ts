import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** File types the ingest understands when it walks a folder; named files are always tried. */
const INGESTIBLE = /\.(json|csv)$/i;

/**
 * Expands files and folders (recursively) into a sorted list of files to ingest.
 * A path that does not exist is returned as is, so the ingest reports it by name.
 */
export function listInputFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && INGESTIBLE.test(entry.name)) out.push(full);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) walk(p);
    else out.push(p);
  }
  return out;
}
