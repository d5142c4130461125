import { scaleByPowerOf10 } from "@/lib/ingest/cell-number";
import { isDecimalNumber } from "@/lib/ingest/decimal-number";

const SUFFIX_POWER: Record<string, number> = { k: 3, m: 6, b: 9, t: 12 };

/**
 * A scale cell: plain number (70426624, 8.4e22, 70_426_624) or with a suffix
 * K/M/B/T (300M, 1.4B, 2T). Empty → null. Returns undefined when unreadable.
 */
export function toScaleNumber(raw: string): number | null | undefined {
  const cell = raw.trim().replace(/[_,]/g, "");
  if (cell === "") return null;
  const last = cell.slice(-1).toLowerCase();
  const suffix = Object.hasOwn(SUFFIX_POWER, last) ? last : undefined;
  const number = suffix === undefined ? cell : cell.slice(0, -1);
  if (!isDecimalNumber(number)) return undefined;
  const value = Number(number);
  return suffix === undefined ? value : scaleByPowerOf10(value, SUFFIX_POWER[suffix]);
}
