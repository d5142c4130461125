import { z } from "zod";

/** A token's name: what lists, uploads' provenance and `token -- revoke` refer to it by. */
export const tokenNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
