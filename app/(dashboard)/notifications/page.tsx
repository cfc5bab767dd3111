import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";

export const metadata = { title: "Notifications" };

export default function Page() {
  return (
    <>
      <PageHeader title="Notifications" />
      <EmptyState title="Nothing here yet">This section fills as Omi sends data.</EmptyState>
    </>
  );
}
