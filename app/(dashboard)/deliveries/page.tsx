import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";

export const metadata = { title: "Deliveries" };

export default function Page() {
  return (
    <>
      <PageHeader title="Deliveries" />
      <EmptyState title="Nothing here yet">This section fills as Omi sends data.</EmptyState>
    </>
  );
}
