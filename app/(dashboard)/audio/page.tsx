import { PageHeader } from "@/components/ui/page-header";
import { webhookUrlsFor } from "@/lib/accounts/webhook-urls";
import { getAudioRetention } from "@/lib/audio/retention";
import { requireUser } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/urls";
import { AudioView } from "./_components/audio-view";
import { RetentionControl } from "./_components/retention-control";

export const metadata = { title: "Audio" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AudioPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/audio");
  const params = await searchParams;
  const [retentionDays, webhooks] = await Promise.all([
    getAudioRetention({ userId: user.id }),
    webhookUrlsFor({ userId: user.id, baseUrl: await publicBaseUrl() }),
  ]);
  return (
    <>
      <PageHeader
        title="Audio"
        description="Recordings of the audio Omi streams here, with the transcript received meanwhile."
        actions={<RetentionControl initialDays={retentionDays} />}
      />
      <AudioView
        timeZone={user.timeZone}
        audioWebhookUrl={webhooks.urls.audio}
        initialId={typeof params.r === "string" ? params.r : null}
      />
    </>
  );
}
