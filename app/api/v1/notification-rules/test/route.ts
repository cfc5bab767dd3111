import { route } from "@/lib/api/handler";
import { ruleTestBody } from "@/lib/api/schemas/notifications";
import { getProfileName } from "@/lib/notify/queries";
import { testRule } from "@/lib/notify/rule-test";

/** POST {rule, sampleText?} → what the rule would send for sample data; nothing is sent. */
export const POST = route({ auth: "account", needs: "write", body: ruleTestBody }, async ({ user, body }) =>
  testRule({ rule: body.rule, sampleText: body.sampleText, profileName: await getProfileName({ userId: user.id }) }),
);
