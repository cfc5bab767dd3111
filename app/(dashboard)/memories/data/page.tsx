import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { DeleteData, ExportAll } from "@/components/memories/data-controls";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Your data" };

export default function Page() {
  return (
    <>
      <Link
        href="/memories"
        className="mb-4 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-accent-700 dark:text-zinc-400 dark:hover:text-accent-300"
      >
        <ArrowLeft className="size-4" aria-hidden />
        All memories
      </Link>
      <PageHeader title="Your data" description="Take everything with you, or remove it from this hub." />
      <div className="max-w-2xl space-y-6">
        <ExportAll />
        <DeleteData />
      </div>
    </>
  );
}
