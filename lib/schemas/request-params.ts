import { z } from "zod";
import { CONTROL_CHARACTER } from "./safe-name";

const codePoint = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/** One query or path parameter as the URL carries it (already percent-decoded). */
export const paramTextSchema = z.string().superRefine((value, ctx) => {
  const bad = CONTROL_CHARACTER.exec(value);
  if (bad) ctx.addIssue({ code: "custom", message: `must not contain control characters (found ${codePoint(bad[0])})` });
});

/**
 * Every query parameter of a request, checked before the route's own schema: a
 * `%00` (or any control character) anywhere is a 400 naming the parameter, never
 * a database error.
 */
export const queryParamsSchema = z.record(z.string(), paramTextSchema);

/** Path segments ([id], [file]); a catch-all segment is an array. */
export const pathParamsSchema = z.record(z.string(), z.union([paramTextSchema, z.array(paramTextSchema)]).optional());
