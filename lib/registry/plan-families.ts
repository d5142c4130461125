/** A stored model whose name shares a family key with others (see toFamilyKey). */
export type KeyMember = {
  id: number;
  key: string;
  family: string | null;
  /** null: the family came from the registry, a file or an upload's mapping; "inferred"; "edit": a user set it (or set none) */
  origin: string | null;
};

/** The family a ladder gets when nothing names it: its key, the size shown as `*` (`EleutherAI/pythia-*`). */
export const toInferredFamilyName = (key: string) => key;

/**
 * Families inferred for ladders: models whose names differ only in their size
 * (one family key) form a family when at least two of them do and nothing else
 * names it; when the registry, a file or a user already put one of them in a
 * family (one family, not several), the others join it. A model whose family
 * the registry, a file or a user gave is never moved, and a user's "no family"
 * stands. Returns the models whose inferred family changes (null: none).
 */
export function planFamilies(members: readonly KeyMember[]): Array<{ id: number; family: string | null }> {
  const byKey = new Map<string, KeyMember[]>();
  for (const m of members) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  const changes: Array<{ id: number; family: string | null }> = [];
  for (const [key, group] of byKey) {
    const candidates = group.filter((m) => m.origin === "inferred" || (m.origin === null && m.family === null));
    const named = new Set(group.filter((m) => !candidates.includes(m) && m.family !== null).map((m) => m.family!));
    let family: string | null = null;
    if (named.size === 1) family = [...named][0];
    else if (named.size === 0 && candidates.length >= 2) family = toInferredFamilyName(key);
    for (const m of candidates) if (m.family !== family) changes.push({ id: m.id, family });
  }
  return changes;
}
