import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { LiveView } from "./_components/live-view";

export const metadata = { title: "Live" };

export default async function LivePage() {
  await requireUser("/live");
  return (
    <>
      <PageHeader title="Live" description="What Omi hears, as it transcribes it. Lines that Omi refines update in place." />
      <LiveView />
    </>
  );
}
