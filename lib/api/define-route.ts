import type { z } from "zod";
import { toErrorResponse } from "./to-error-response";

type RouteSpec<Q extends z.ZodType, R extends z.ZodType> = {
  query: Q;
  response: R;
  handler: (input: { query: z.infer<Q>; request: Request }) => Promise<z.infer<R>>;
};

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) out[key] = value;
  return out;
}

/**
 * The route wrapper: validates the query with its schema (400 naming the
 * parameter), runs the handler, and checks the response against its schema so a
 * contract drift fails loudly on the server instead of in the chart.
 */
export function defineRoute<Q extends z.ZodType, R extends z.ZodType>(spec: RouteSpec<Q, R>) {
  return async function handle(request: Request): Promise<Response> {
    let query: z.infer<Q>;
    try {
      query = spec.query.parse(queryObject(new URL(request.url)));
    } catch (err) {
      return toErrorResponse(err, "query");
    }
    try {
      const body = spec.response.parse(await spec.handler({ query, request }));
      return Response.json(body, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      return toErrorResponse(err, "handler");
    }
  };
}
