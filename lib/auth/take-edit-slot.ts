import { takeRateSlot } from "./take-rate-slot";

/** Counts a registry edit against its token; 429 with Retry-After past `perMinute` (a budget apart from uploads). */
export const takeEditSlot = (tokenId: number, perMinute: number): void => takeRateSlot("registry edits", tokenId, perMinute);
