/**
 * Which owner an imported conversation is stored under when the account holds no row
 * for it yet: the owner the account's own webhooks use for that uid, so a later
 * webhook for the same conversation lands on the same row (memories upsert on
 * (uid, owner, Omi id); lib/auth/scope.ts).
 *
 *  - Through the app-wide token (OMI_WEBHOOK_TOKEN) rows have no owner and are seen by
 *    the account with a VERIFIED link. An account that has such a link, where the
 *    app token exists and that has never sent this uid through its personal token,
 *    receives through the app: owner null.
 *  - Otherwise (trusted link, no app token, or personal-token data for the uid): the
 *    account itself. A trusted link is first come, first served, so it never writes
 *    rows another account could later see.
 */
export type OwnerRuleInput = {
  userId: string;
  linkStatus: "verified" | "trusted" | "unverified" | null;
  appTokenConfigured: boolean;
  /** The account holds memories of this uid that came through its personal token. */
  hasPersonalMemories: boolean;
};

export function importOwner({ userId, linkStatus, appTokenConfigured, hasPersonalMemories }: OwnerRuleInput): string | null {
  return linkStatus === "verified" && appTokenConfigured && !hasPersonalMemories ? null : userId;
}
