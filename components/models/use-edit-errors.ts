"use client";

import { useState } from "react";
import { ApiRequestError } from "@/lib/api/fetch-json";
import type { FieldErrors } from "@/lib/charts/to-model-edit-body";

/**
 * A form's errors: per field (from the form's own check, or the field the API
 * named) and one general message for everything else (401, 403, 409, 500).
 */
export function useEditErrors() {
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  return {
    fields,
    general,
    clear: () => {
      setFields({});
      setGeneral(null);
    },
    fromDraft: (errors: FieldErrors) => {
      setFields(errors);
      setGeneral(null);
    },
    fromApi: (err: Error) => {
      const field = err instanceof ApiRequestError ? err.field : null;
      if (field) {
        setFields({ [field]: err.message.replace(new RegExp(`^${field}: `), "") });
        setGeneral(null);
      } else {
        setFields({});
        setGeneral(err.message);
      }
    },
  };
}
