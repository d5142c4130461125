import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isHelmRunFolder } from "@/lib/ingest/parse-helm-run";

/**
 * File types the ingest understands when it walks a folder (results JSON and
 * CSV, JSON Lines, Inspect `.eval` archives); named files are always tried.
 */
const INGESTIBLE = /\.(json|csv|jsonl|eval)$/i;

/** What the ingest reads: one file, or one HELM run folder (read as a whole). */
export type InputEntry = { kind: "file"; path: string } | { kind: "helm-run"; path: string };

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Expands files and folders (recursively) into a sorted list of inputs. A
 * folder holding `run_spec.json` and `stats.json` is a HELM run, one input. In a
 * folder lm-eval's `results_<date>.json` sorts before its `samples_*.jsonl`, so
 * the results the items sit behind are stored first. A path that does not
 * exist is returned as is, so the ingest reports it by name.
 */
export function listInputFiles(paths: string[]): InputEntry[] {
  const out: InputEntry[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    if (isHelmRunFolder(entries.filter((e) => e.isFile()).map((e) => e.name))) {
      out.push({ kind: "helm-run", path: dir });
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && INGESTIBLE.test(entry.name)) out.push({ kind: "file", path: full });
    }
  };
  for (const p of paths) {
    if (isDirectory(p)) walk(p);
    else out.push({ kind: "file", path: p });
  }
  return out;
}
