import { defineRoute } from "@/lib/api/define-route";
import { getForecast } from "@/lib/services/analysis/forecast";
import { forecastQuerySchema, forecastResponseSchema } from "@/lib/schemas/forecast";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: forecastQuerySchema,
  response: forecastResponseSchema,
  handler: ({ query }) => getForecast(query),
});
