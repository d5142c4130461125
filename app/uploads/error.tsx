"use client";

import { RouteError } from "@/components/route-error";

export default function UploadsError(props: { error: Error; reset: () => void }) {
  return <RouteError what="The upload history" {...props} />;
}
