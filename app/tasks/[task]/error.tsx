"use client";

import { RouteError } from "@/components/route-error";

export default function TaskError(props: { error: Error; reset: () => void }) {
  return <RouteError what="This task" {...props} />;
}
