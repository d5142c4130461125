import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { StatusBoard } from "@/components/status-board";
import { getHealth } from "@/lib/db/health";
import { healthQueryOptions } from "@/lib/queries/health-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Status · Emergence Atlas" };

export default async function Status() {
  const client = new QueryClient();
  await client.prefetchQuery({ ...healthQueryOptions(), queryFn: () => getHealth() });
  return (
    <>
      <h1>Status</h1>
      <p className="muted">
        The database and the analysis queue: task views waiting for a worker, running, retrying after a failure, and parked after
        failing every attempt (with the error). Uploads and registry edits queue the views they change; workers
        (<code>npm run worker</code>, or the one inside <code>npm start</code>) analyse them. Read again every 5 s.
      </p>
      <HydrationBoundary state={dehydrate(client)}>
        <StatusBoard />
      </HydrationBoundary>
    </>
  );
}
