import { scaleByPowerOf10 } from "@/lib/ingest/cell-number";

const SUFFIX_POWER: Record<string, number> = { k: 3, m: 6, b: 9, t: 12 };
const SCALE = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([kmbt])?$/i;

/**
 * A scale cell: plain number (70426624, 8.4e22, 70_426_624) or with a suffix
 * K/M/B/T (300M, 1.4B, 2T). Empty → null. Returns undefined when unreadable.
 */
export function toScaleNumber(raw: string): number | null | undefined {
  const cell = raw.trim().replace(/[_,]/g, "");
  if (cell === "") return null;
  const match = SCALE.exec(cell);
  if (!match) return undefined;
  const value = Number(match[1]);
  const suffix = match[2]?.toLowerCase();
  return suffix === undefined ? value : scaleByPowerOf10(value, SUFFIX_POWER[suffix]);
}
