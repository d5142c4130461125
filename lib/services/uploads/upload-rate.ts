import { takeRateSlot } from "@/lib/auth/take-rate-slot";

/** Counts an upload request against its token; 429 with Retry-After past `perMinute`. */
export const takeUploadSlot = (tokenId: number, perMinute: number): void => takeRateSlot("uploads", tokenId, perMinute);
