import { z } from "zod";

export const healthResponseSchema = z.object({
  ok: z.boolean(),
  database: z.enum(["postgres", "embedded"]),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
