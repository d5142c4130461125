import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { Overview } from "@/components/overview";
import { listOverview } from "@/lib/db/overview";
import { overviewQueryOptions } from "@/lib/queries/overview-query";
import { toOverviewQuery } from "@/lib/view-state/overview-view";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const query = toOverviewQuery(await searchParams);
  const client = new QueryClient();
  await client.prefetchQuery({ ...overviewQueryOptions(query), queryFn: () => listOverview(query) });
  return (
    <>
      <h1>Where abilities appear with scale</h1>
      <HydrationBoundary state={dehydrate(client)}>
        <Overview query={query} />
      </HydrationBoundary>
    </>
  );
}
