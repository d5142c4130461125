"use client";

import { useState } from "react";
import { ApiRequestError } from "@/lib/queries/request-api";
import type { FieldErrors } from "@/lib/view-models/to-model-edit-body";

/**
 * One registry edit form's state: busy while its request runs, and its errors —
 * per field (from the form's own check, or the field the API named) and one
 * general message for everything else (401, 403, 409, 500).
 */
export function useEditForm(onDone: (message: string) => void) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromApi = (err: Error) => {
    const field = err instanceof ApiRequestError ? err.field : null;
    setFields(field ? { [field]: err.message.replace(new RegExp(`^${field}: `), "") } : {});
    setGeneral(field ? null : err.message);
  };
  return {
    busy,
    errors: { fields, general },
    /** the form's own check failed: show its errors, send nothing */
    refuse: (errors: FieldErrors) => {
      setFields(errors);
      setGeneral(null);
    },
    /** sends the edit; its message goes to onDone, an API error to the fields it names */
    run: async (send: () => Promise<string>) => {
      setFields({});
      setGeneral(null);
      setBusy(true);
      try {
        onDone(await send());
      } catch (err) {
        fromApi(err as Error);
      } finally {
        setBusy(false);
      }
    },
  };
}
