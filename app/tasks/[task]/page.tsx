import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { TaskView } from "@/components/task-view";
import { curvesQueryOptions } from "@/lib/queries/curves-query";
import { readTaskFamilies, readTaskView } from "@/lib/view-state/task-view";
import { readTaskPageData } from "@/lib/services/figures/chart-preview";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ task: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TaskPage({ params, searchParams }: Props) {
  const { task } = await params;
  const search = await searchParams;
  const query = readTaskView(decodeURIComponent(task), search);
  const client = new QueryClient();
  // A view that cannot be read (unknown task or metric) is left to the client view, which shows the error.
  const { figure, previewSvg } = await readTaskPageData(query, readTaskFamilies(search));
  if (figure) client.setQueryData(curvesQueryOptions(query).queryKey, figure.curves);
  return (
    <>
      <p><Link href="/tasks">← All tasks</Link></p>
      <h1>{query.task}</h1>
      <HydrationBoundary state={dehydrate(client)}>
        <TaskView query={query} previewSvg={previewSvg} />
      </HydrationBoundary>
    </>
  );
}
