"use client";

import { RouteError } from "@/components/route-error";

export default function AuditError(props: { error: Error; reset: () => void }) {
  return <RouteError what="The emergence audit" {...props} />;
}
