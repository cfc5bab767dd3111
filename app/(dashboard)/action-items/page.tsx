import { ActionItemsBrowser } from "@/components/memories/action-items-browser";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Action items" };

export default function Page() {
  return (
    <>
      <PageHeader title="Action items" description="What your conversations asked of you, across every memory." />
      <ActionItemsBrowser />
    </>
  );
}
