import { Download } from "lucide-react";
import { Suspense } from "react";
import { MemoryBrowser } from "@/components/memories/memory-browser";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/states";

export const metadata = { title: "Memories" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Memories"
        description="Every conversation Omi summarised, newest first."
        actions={
          <ButtonLink href="/memories/data" variant="secondary" size="sm">
            <Download className="size-4" aria-hidden />
            Export or delete
          </ButtonLink>
        }
      />
      <Suspense fallback={<ListSkeleton rows={6} label="Loading memories" />}>
        <MemoryBrowser />
      </Suspense>
    </>
  );
}
