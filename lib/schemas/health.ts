import { z } from "zod";

export const healthResponseSchema = z.object({
  ok: z.boolean(),
  database: z.enum(["postgres", "embedded"]),
  /** why the database does not answer (with ok: false, status 503) */
  reason: z.string().optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
