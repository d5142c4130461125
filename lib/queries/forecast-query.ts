import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { forecastResponseSchema, type ForecastQuery } from "@/lib/schemas/forecast";
import { toForecastSearch } from "@/lib/view-state/forecast-view";
import { queryKeys } from "./query-keys";

/** One view's forecasts; the previous answer stays on screen while a new form or cutoff is computed. */
export function useForecastQuery(q: ForecastQuery) {
  return useQuery({
    queryKey: queryKeys.forecast.detail(q),
    queryFn: ({ signal }) => fetchJson(`/api/forecast?${toForecastSearch(q)}`, forecastResponseSchema, signal),
    placeholderData: (previous) => previous,
  });
}
