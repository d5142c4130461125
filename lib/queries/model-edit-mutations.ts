import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, requestApi } from "@/lib/queries/request-api";
import {
  modelEditResponseSchema, type AddAliasBody, type CorrectModelBody, type CreateModelBody, type ModelEditResponse, type SetFamilyBody,
} from "@/lib/schemas/model-registry";
import { queryKeys } from "./query-keys";

/** One registry edit as the API takes it. */
export type ModelEditRequest =
  | { kind: "create"; body: CreateModelBody }
  | { kind: "correct"; id: number; body: CorrectModelBody }
  | { kind: "alias"; id: number; body: AddAliasBody }
  | { kind: "family"; id: number; body: SetFamilyBody };

function route(edit: ModelEditRequest): { method: "POST" | "PATCH" | "PUT"; url: string } {
  switch (edit.kind) {
    case "create":
      return { method: "POST", url: "/api/models" };
    case "correct":
      return { method: "PATCH", url: `/api/models/${edit.id}` };
    case "alias":
      return { method: "POST", url: `/api/models/${edit.id}/aliases` };
    case "family":
      return { method: "PUT", url: `/api/models/${edit.id}/family` };
  }
}

/** Sends an edit with the bearer token; a refusal throws ApiRequestError with the server's message and field. */
export function sendModelEdit(edit: ModelEditRequest, token: string): Promise<ModelEditResponse> {
  const { method, url } = route(edit);
  return requestApi({ method, url, body: edit.body, token }, modelEditResponseSchema);
}

/** Sends a registry edit, then invalidates every view a scale fact reaches: models, curves, analyses, the overview and tasks. */
export function useModelEditMutation(token: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (edit: ModelEditRequest) => {
      if (token === null) throw new ApiRequestError(401, "set an API token first");
      return sendModelEdit(edit, token);
    },
    onSuccess: async () => {
      await Promise.all(
        [queryKeys.models.all, queryKeys.curves.all, queryKeys.analysis.all, queryKeys.overview.all, queryKeys.tasks.all].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
