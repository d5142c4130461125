"use client";

import { RouteError } from "@/components/route-error";

export default function UploadError(props: { error: Error; reset: () => void }) {
  return <RouteError what="The upload page" {...props} />;
}
