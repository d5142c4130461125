import type { ModelEntry, Registry } from "@/lib/schemas/registry";

/**
 * Adds a user's --models entries. They come first, so a user's entry for a
 * name or alias the seed registry also knows takes precedence (the user knows
 * their checkpoints); the seed entry stays for its other names.
 */
export function extendRegistry(registry: Registry, entries: ModelEntry[]): Registry {
  return { ...registry, models: [...entries, ...registry.models] };
}
