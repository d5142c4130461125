import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { TaskView } from "@/components/task-view";
import { getCurves } from "@/lib/db/curves";
import { curvesQueryOptions } from "@/lib/queries/curves-query";
import { readTaskView } from "@/lib/view-state/task-view";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ task: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TaskPage({ params, searchParams }: Props) {
  const { task } = await params;
  const query = readTaskView(decodeURIComponent(task), await searchParams);
  const client = new QueryClient();
  // A failed prefetch (unknown task or metric) is left to the client view, which shows the error.
  await client.prefetchQuery({ ...curvesQueryOptions(query), queryFn: () => getCurves(query) });
  return (
    <>
      <p><Link href="/tasks">← All tasks</Link></p>
      <h1>{query.task}</h1>
      <HydrationBoundary state={dehydrate(client)}>
        <TaskView query={query} />
      </HydrationBoundary>
    </>
  );
}
