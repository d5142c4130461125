import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { TaskList } from "@/components/task-list";
import { listTasks } from "@/lib/db/tasks";
import { tasksQueryOptions } from "@/lib/queries/tasks-query";

export const dynamic = "force-dynamic";

export default async function TasksPage() {
  const client = new QueryClient();
  await client.prefetchQuery({ ...tasksQueryOptions(), queryFn: () => listTasks() });
  return (
    <>
      <h1>Tasks</h1>
      <HydrationBoundary state={dehydrate(client)}>
        <TaskList />
      </HydrationBoundary>
    </>
  );
}
