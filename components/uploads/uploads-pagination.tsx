import Link from "next/link";
import type { UploadsPagination as Model } from "@/lib/view-models/prepare-uploads-pagination";

/** "Uploads 26–50 of 340" with links to newer and older pages. */
export function UploadsPagination({ model, label }: { model: Model; label: string }) {
  return (
    <nav aria-label={label} className="pagination">
      {model.newer && <Link href={model.newer}>← Newer</Link>}
      <span className="muted">{model.label}</span>
      {model.older && <Link href={model.older}>Older →</Link>}
      {model.lastPage && <Link href={model.lastPage}>Go to the last page</Link>}
    </nav>
  );
}
