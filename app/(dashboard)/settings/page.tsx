import { SampleDataCard } from "@/components/sample-data-card";
import { AiAssistantsCard } from "@/components/settings/ai-assistants";
import { ApiTokensCard } from "@/components/settings/api-tokens";
import { DeleteAccountCard } from "@/components/settings/delete-account";
import { LinkedAccounts } from "@/components/settings/linked-accounts";
import { OmiDeveloperApiCard } from "@/components/settings/omi-developer-api";
import { SigningSecretCard } from "@/components/settings/signing-secret";
import { TimeZoneCard } from "@/components/settings/time-zone";
import { WebhookUrlsCard } from "@/components/settings/webhook-urls";
import { PageHeader } from "@/components/ui/page-header";
import { getAccount } from "@/lib/accounts/account";
import { omiOAuthConfigured } from "@/lib/auth/omi-oauth";
import { requireUser } from "@/lib/auth/session";
import { mcpUrlFor } from "@/lib/mcp/setup-snippets";
import { isPubliclyReachable, publicBaseUrl } from "@/lib/urls";

export const metadata = { title: "Settings" };
export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [account, base] = await Promise.all([getAccount({ userId: user.id }), publicBaseUrl()]);
  return (
    <>
      <PageHeader title="Settings" description="Connect Omi, manage tokens and your account." />
      <div className="space-y-6">
        <LinkedAccounts canConnect={omiOAuthConfigured} />
        <WebhookUrlsCard reachable={isPubliclyReachable(base)} />
        <OmiDeveloperApiCard />
        <section id="sample-data" aria-label="Sample data">
          <SampleDataCard />
        </section>
        <SigningSecretCard initiallySet={account.signingSecretSet} />
        <AiAssistantsCard mcpUrl={mcpUrlFor(base)} publicHttps={isPubliclyReachable(base)} />
        <ApiTokensCard />
        <TimeZoneCard initial={account.timeZone} />
        <DeleteAccountCard email={account.email ?? ""} />
      </div>
    </>
  );
}
