import type { ModelEntry, Registry } from "@/lib/schemas/registry";

interface ModelIndex {
  exact: Map<string, ModelEntry>;
  /** repo names without the org ("Llama-2-7b-hf"), kept only when unambiguous */
  short: Map<string, ModelEntry | null>;
  globs: Array<{ pattern: RegExp; entry: ModelEntry }>;
}

const cache = new WeakMap<ModelEntry[], ModelIndex>();

/** Checkpoint folders under a run directory (`/runs/pythia-1.4b/step1000`). */
const CHECKPOINT_DIR = /^(?:global_)?step[-_]?\d+$|^checkpoint[-_]\d+$|^iter_\d+$/i;

/**
 * Finds a model's registry entry, or null (= scale unknown):
 * 1. a name or alias, case-insensitively (`EleutherAI/pythia-v1.1-1.4b`);
 * 2. for a local path (starts with / . ~, has a backslash or more than two
 *    segments), its last segment, or the one before a checkpoint folder
 *    (`/ckpt/runs/pythia-1.4b/` → pythia-1.4b), against names, aliases and
 *    org-less repo names. A two-segment hub id of another org
 *    (`someone/pythia-1.4b`, likely a fine-tune) is not matched this way;
 * 3. glob patterns from --models entries (`*` matches anything), in order.
 */
export function resolveModelName(name: string, registry: Pick<Registry, "models">): ModelEntry | null {
  const index = indexOf(registry.models);
  const wanted = name.trim();
  const exact = index.exact.get(wanted.toLowerCase());
  if (exact !== undefined) return exact;

  const segments = wanted.split(/[\\/]+/).filter((segment) => segment !== "");
  const isPath = /^[/.~]/.test(wanted) || wanted.includes("\\") || segments.length > 2;
  if (isPath && segments.length > 0) {
    const candidates = [segments[segments.length - 1]];
    if (CHECKPOINT_DIR.test(candidates[0]) && segments.length > 1) candidates.push(segments[segments.length - 2]);
    for (const segment of candidates) {
      const key = segment.toLowerCase();
      const found = index.exact.get(key) ?? index.short.get(key);
      if (found) return found;
    }
  }
  return index.globs.find(({ pattern }) => pattern.test(wanted))?.entry ?? null;
}

function indexOf(models: ModelEntry[]): ModelIndex {
  const cached = cache.get(models);
  if (cached) return cached;
  const index: ModelIndex = { exact: new Map(), short: new Map(), globs: [] };
  for (const entry of models) {
    if (entry.name.includes("*")) {
      index.globs.push({ pattern: toGlob(entry.name), entry });
      continue;
    }
    for (const name of [entry.name, ...entry.aliases]) {
      const key = name.toLowerCase();
      // first entry wins: user --models entries are placed before the seed registry
      if (!index.exact.has(key)) index.exact.set(key, entry);
      const slash = key.lastIndexOf("/");
      if (slash < 0) continue;
      const short = key.slice(slash + 1);
      const earlier = index.short.get(short);
      index.short.set(short, earlier === undefined || earlier === entry ? entry : null);
    }
  }
  cache.set(models, index);
  return index;
}

function toGlob(pattern: string): RegExp {
  const body = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`, "i");
}
