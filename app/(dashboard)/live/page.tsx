import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";

export const metadata = { title: "Live" };

export default function Page() {
  return (
    <>
      <PageHeader title="Live" />
      <EmptyState title="Nothing here yet">This section fills as Omi sends data.</EmptyState>
    </>
  );
}
