import { FactsBrowser } from "@/components/omi-facts/facts-browser";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "About you" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="About you"
        description="Facts Omi learned about you from your conversations (Omi calls them “memories”). Read-only: they come from Omi through your Developer API key."
      />
      <FactsBrowser />
    </>
  );
}
