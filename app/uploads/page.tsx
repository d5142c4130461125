import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { UploadsHistory } from "@/components/uploads/uploads-history";
import { listUploads } from "@/lib/db/uploads";
import { toUploadsPage, toUploadsRange } from "@/lib/view-state/uploads-page-view";
import { uploadsQueryOptions } from "@/lib/queries/uploads-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Uploads · Emergence Atlas" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UploadsPage({ searchParams }: Props) {
  const page = toUploadsPage(await searchParams);
  const range = toUploadsRange(page);
  const client = new QueryClient();
  await client.prefetchQuery({ ...uploadsQueryOptions(range), queryFn: () => listUploads(range) });
  return (
    <>
      <h1>Uploads</h1>
      <p className="muted">
        Every file stored, newest first, with where it came from. Deleting an upload removes the results whose stored value came
        from it and re-analyses their curves. To add results, go to <Link href="/upload">Upload</Link>.
      </p>
      <HydrationBoundary state={dehydrate(client)}>
        <UploadsHistory page={page} />
      </HydrationBoundary>
    </>
  );
}
