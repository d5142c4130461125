import { takeRateSlot } from "@/lib/db/rate-slots";

/** Registry edits (add, correct, alias) share one budget per token, apart from uploads. */
export const takeEditSlot = (tokenId: number, perMinute: number): Promise<void> => takeRateSlot("registry edits", tokenId, perMinute);
