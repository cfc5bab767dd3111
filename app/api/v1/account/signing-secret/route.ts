import { signingSecretSchema } from "@/lib/accounts/account";
import { route } from "@/lib/api/handler";
import { signingSecretBody } from "@/lib/api/schemas/account";
import { setSigningSecret } from "@/lib/auth/webhook-tokens";

/** Sets (or with null, clears) the whsec_… secret that signs deliveries to the personal URLs. Stored encrypted. */
export const PUT = route({ auth: "account", needs: "account", body: signingSecretBody }, async ({ user, body }) => {
  const secret = body.secret === null || body.secret.trim() === "" ? null : signingSecretSchema.parse(body.secret);
  await setSigningSecret(user.id, secret);
  return { signingSecretSet: secret !== null };
});
