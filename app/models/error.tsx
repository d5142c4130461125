"use client";

import { RouteError } from "@/components/route-error";

export default function ModelsError(props: { error: Error; reset: () => void }) {
  return <RouteError what="The model registry" {...props} />;
}
