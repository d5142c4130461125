import { z } from "zod";
import type { RouteDoc } from "./route-catalog";

/** Request shapes describe what a client sends (before transforms); unrepresentable parts become {}. */
const json = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any" });

function parameters(route: RouteDoc) {
  const of = (where: "query" | "path", schema: z.ZodObject | undefined) =>
    Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
      name,
      in: where,
      required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
      schema: json(field as z.ZodType, "input"),
    }));
  return [...of("path", route.params), ...of("query", route.query)];
}

/** The documented schema of a JSON body; other media types are described in the summary. */
function requestSchema(route: RouteDoc, mediaType: string) {
  return mediaType === "application/json" && route.bodySchema ? { schema: json(route.bodySchema, "input") } : {};
}

/** An OpenAPI 3.1 document of the routes, generated from the zod schemas the handlers use. */
export function toOpenApi(routes: RouteDoc[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      summary: route.summary,
      parameters: parameters(route),
      ...(route.write ? { security: [{ bearer: [] }] } : {}),
      ...(route.body ? { requestBody: { required: true, content: Object.fromEntries(route.body.map((t) => [t, requestSchema(route, t)])) } } : {}),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, r]) => [
          status,
          "files" in r
            ? { description: r.description, content: Object.fromEntries(r.files.map((t) => [t, { schema: { type: "string", format: "binary" } }])) }
            : { description: r.description, content: { "application/json": { schema: json(r.schema, "output") } } },
        ]),
      ),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Emergence Atlas API", version },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "npm run token -- create NAME" } } },
    paths,
  };
}
