import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";

export const metadata = { title: "Memories" };

export default function Page() {
  return (
    <>
      <PageHeader title="Memories" />
      <EmptyState title="Nothing here yet">This section fills as Omi sends data.</EmptyState>
    </>
  );
}
