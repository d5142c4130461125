export type AgainstChance = "above" | "at" | "below";

/**
 * Where one size's mean stands against the task's chance level, read from its
 * item-bootstrap 95 % interval: "above" when the whole interval is above chance,
 * "below" when it is wholly below, "at" when it contains chance. null when either
 * is unknown (no interval, or a metric whose chance level the registry does not know).
 */
export function againstChance(interval: readonly [number, number] | null, chance: number | null): AgainstChance | null {
  if (interval === null || chance === null) return null;
  if (interval[0] > chance) return "above";
  if (interval[1] < chance) return "below";
  return "at";
}
