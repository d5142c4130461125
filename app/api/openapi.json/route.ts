import { ROUTES } from "@/lib/api/route-catalog";
import { toOpenApi } from "@/lib/api/to-openapi";

export const dynamic = "force-static";

/** The API's OpenAPI description, generated from the same zod schemas the handlers validate with. */
export function GET(): Response {
  return Response.json(toOpenApi(ROUTES, "0.1.0"));
}
