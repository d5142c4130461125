import { takeRateSlot } from "@/lib/db/rate-slots";

/** Counts one upload request (a batch of files is one) against its token's per-minute budget. */
export const takeUploadSlot = (tokenId: number, perMinute: number): Promise<void> => takeRateSlot("uploads", tokenId, perMinute);
