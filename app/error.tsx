"use client";

import { RouteError } from "@/components/route-error";

export default function PageError(props: { error: Error; reset: () => void }) {
  return <RouteError what="This page" {...props} />;
}
