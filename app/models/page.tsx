import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ModelsPage } from "@/components/models/models-page";
import { listModelRegistry } from "@/lib/db/model-registry";
import { MODELS_PAGE_SIZE, modelRegistryQueryOptions } from "@/lib/queries/model-registry-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models · Emergence Atlas" };

export default async function Models() {
  const client = new QueryClient();
  await client.prefetchQuery({ ...modelRegistryQueryOptions(), queryFn: () => listModelRegistry({ limit: MODELS_PAGE_SIZE, offset: 0 }) });
  return (
    <>
      <h1>Models</h1>
      <p className="muted">
        The model registry: every stored model by family with its parameters, training tokens and training FLOPs, and where each
        number came from. With an API token you can add a model, correct a number (the curves it moves are re-analysed) or add an
        alias under which later uploads find the model.
      </p>
      <HydrationBoundary state={dehydrate(client)}>
        <ModelsPage />
      </HydrationBoundary>
    </>
  );
}
