import type { z } from "zod";
import { readEnv } from "@/lib/env.js";
import { authenticateRequest, type AuthenticatedToken } from "@/lib/api/authenticate-request";
import { checkOrigin, toAllowedOrigins } from "@/lib/auth/check-origin";
import { pathParamsSchema, queryParamsSchema } from "@/lib/schemas/request-params";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "./read-json-body";
import { toErrorResponse } from "./to-error-response";
import { readingFromReplica } from "@/lib/db/client";

/**
 * "read": open unless ATLAS_REQUIRE_TOKEN_FOR_READS=1 (a valid token sent anyway reaches the
 * handler); "write": a same-origin (or
 * non-browser) request with a valid, unrevoked bearer token, always.
 */
export type RouteAuth = "read" | "write";

type RouteSpec<Q extends z.ZodType, P extends z.ZodType, R extends z.ZodType, B extends z.ZodType> = {
  query: Q;
  /** the dynamic path segments ([id]), validated like the query (400 naming the segment) */
  params?: P;
  /** a JSON body, read after the token is checked: 400 when it is not JSON, 422 naming the field a value breaks */
  body?: B;
  response: R;
  auth?: RouteAuth;
  /** the success status for a response body (default 200), e.g. 201 when something was created */
  status?: (body: z.infer<R>) => number;
  /** where a GET's queries go: the read replica when DATABASE_READ_URL is set (the default), or the primary (health) */
  reads?: "replica" | "primary";
  handler: (input: {
    query: z.infer<Q>;
    params: z.infer<P>;
    body: z.infer<B>;
    request: Request;
    /** the caller's token; null on an open read without a valid one */
    token: AuthenticatedToken | null;
  }) => Promise<z.infer<R>>;
};

/** What Next passes a route handler as its second argument. */
export type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) out[key] = value;
  return out;
}

/** The request's query through the route's schema, after the check every parameter gets (no control characters). */
export function readQuery<Q extends z.ZodType>(schema: Q, request: Request): z.infer<Q> {
  return schema.parse(queryParamsSchema.parse(queryObject(new URL(request.url))));
}

/** The dynamic path segments through the route's schema, after the same check. */
export async function readParams<P extends z.ZodType>(schema: P, context: RouteContext | undefined): Promise<z.infer<P>> {
  return schema.parse(pathParamsSchema.parse((await context?.params) ?? {}));
}

export async function authorize(request: Request, auth: RouteAuth): Promise<AuthenticatedToken | null> {
  const env = readEnv();
  if (auth === "write") {
    checkOrigin(request, toAllowedOrigins(env));
    return authenticateRequest(request);
  }
  if (env.ATLAS_REQUIRE_TOKEN_FOR_READS === "1") return authenticateRequest(request);
  return request.headers.has("authorization") ? optionalToken(request) : null;
}

/**
 * An open read that presents a token: the handler may show a token holder more
 * (token names on uploads). A token that does not check out reads like no token,
 * as the read is open anyway; a database failure still answers 503.
 */
async function optionalToken(request: Request): Promise<AuthenticatedToken | null> {
  try {
    return await authenticateRequest(request);
  } catch (err) {
    if (err instanceof AppError && err.status === 401) return null;
    throw err;
  }
}

/**
 * The route wrapper: validates the query and path parameters with their schemas
 * (400 naming the parameter; a control character such as %00 in any of them too), checks origin and token, reads and validates a
 * JSON body when the route declares one (422 naming the field), runs the handler, and
 * checks the response against its schema so a contract drift fails loudly on the
 * server instead of in the chart.
 */
export function defineRoute<
  Q extends z.ZodType,
  R extends z.ZodType,
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
>(spec: RouteSpec<Q, P, R, B>) {
  return async function handle(request: Request, context?: RouteContext): Promise<Response> {
    let query: z.infer<Q>;
    let params: z.infer<P>;
    try {
      query = readQuery(spec.query, request);
    } catch (err) {
      return toErrorResponse(err, "query");
    }
    try {
      params = (spec.params ? await readParams(spec.params, context) : {}) as z.infer<P>;
    } catch (err) {
      return toErrorResponse(err, "params");
    }
    let token: AuthenticatedToken | null;
    let body: z.infer<B>;
    try {
      token = await authorize(request, spec.auth ?? "read");
      body = (spec.body ? await readJsonBody(request) : undefined) as z.infer<B>;
    } catch (err) {
      return toErrorResponse(err, "handler");
    }
    try {
      if (spec.body) body = spec.body.parse(body);
    } catch (err) {
      return toErrorResponse(err, "body");
    }
    try {
      const run = () => spec.handler({ query, params, body, request, token });
      const onReplica = request.method === "GET" && (spec.reads ?? "replica") === "replica";
      const answer = spec.response.parse(await (onReplica ? readingFromReplica(run) : run()));
      return Response.json(answer, { status: spec.status?.(answer) ?? 200, headers: { "cache-control": "no-store" } });
    } catch (err) {
      return toErrorResponse(err, "handler");
    }
  };
}
