/**
 * "Test against a sample": what a rule would send for sample data of its declared
 * scopes, without sending. For keyword and pattern rules an optional sample sentence
 * shows whether it would fire.
 */
import type { z } from "zod";
import type { RuleBody, ruleTestAnswer } from "@/lib/api/schemas/notifications";
import { assertPatternAccepted, matchKeyword, matchPattern } from "./match";
import { promptParams, renderTemplate, resolveScopeData, sampleSources, type ScopeSources } from "./scopes";

export function testRule({
  rule,
  sampleText,
  profileName,
}: {
  rule: RuleBody;
  sampleText?: string;
  profileName?: string | null;
}): z.infer<typeof ruleTestAnswer> & { matched: string | null | undefined } {
  assertPatternAccepted(rule.trigger, "rule.trigger.pattern");
  const sources: ScopeSources = { ...sampleSources, profile: { name: profileName ?? sampleSources.profile!.name } };
  let matched: string | null | undefined;
  if (sampleText !== undefined && (rule.trigger.kind === "keyword" || rule.trigger.kind === "regex")) {
    matched =
      rule.trigger.kind === "keyword" ? matchKeyword(rule.trigger.keywords, sampleText) : matchPattern(rule.trigger.pattern, sampleText);
    sources.transcript = { text: sampleText, keyword: matched ?? "" };
  }
  const data = resolveScopeData(rule.scopes, sources);
  if (rule.mode === "omi_prompt") {
    const prompt = rule.prompt ?? "";
    return { mode: rule.mode, message: null, notification: { prompt, params: promptParams(prompt, rule.scopes) }, data, matched };
  }
  return { mode: rule.mode, message: renderTemplate(rule.template ?? "", data) || rule.name, notification: null, data, matched };
}
