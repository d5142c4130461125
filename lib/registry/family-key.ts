/**
 * A size in a model's name: digits with an optional fraction and a unit
 * (`70m`, `1.4b`, `135M`, `0.5B`, `1T` for a mixture's total), between
 * separators or at either end of the last path segment.
 */
const SIZE = /(?<=^|[-_.])(\d+(?:\.\d+)?)([kKmMbBtT])(?=$|[-_.])/g;

/**
 * The name a model's family ladder shares: its hub id with the one size in it
 * replaced by `*` (`EleutherAI/pythia-1.4b` → `EleutherAI/pythia-*`,
 * `Qwen/Qwen2.5-0.5B` → `Qwen/Qwen2.5-*`). Everything else must match exactly,
 * so a name that adds anything beyond the size (`-Instruct`, `-deduped`, a
 * fine-tuner's suffix, another owner) is another ladder. Null when the name has
 * no size or more than one (a merge of `7B` and `13B` names no ladder).
 */
export function toFamilyKey(name: string): string | null {
  const cut = name.lastIndexOf("/");
  const owner = name.slice(0, cut + 1);
  const base = name.slice(cut + 1);
  const sizes = [...base.matchAll(SIZE)];
  if (sizes.length !== 1) return null;
  const size = sizes[0];
  return `${owner}${base.slice(0, size.index)}*${base.slice(size.index + size[0].length)}`;
}
