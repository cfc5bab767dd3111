"use client";

/**
 * Create or edit a rule: trigger, declared scopes, and the message (our template or a
 * prompt Omi writes from). The server checks the template against the scopes and names
 * any placeholder that reaches outside them; "Test against a sample" shows the result
 * for sample data without sending.
 */
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Checkbox, Hint, Input, Radio, Select, Textarea } from "@/components/ui/input";
import { useSaveRule, useTestRule } from "@/lib/api/hooks/notifications";
import type { RuleInput, RuleView } from "@/lib/api/schemas/notifications";
import { dataScopes, type DataScope } from "@/lib/constants";
import { grantedParams, placeholders, scopeLabels } from "@/lib/notify/scopes";
import { scopeReadBy, type TriggerKind } from "@/lib/notify/trigger-schema";

const kinds: { value: TriggerKind; label: string }[] = [
  { value: "keyword", label: "Live transcript: keywords" },
  { value: "regex", label: "Live transcript: pattern" },
  { value: "long_session", label: "Live session runs long" },
  { value: "tone", label: "Tone of the conversation drops" },
  { value: "memory", label: "New memory" },
  { value: "day_summary", label: "Day summary" },
];
const isLive = (k: TriggerKind) => k === "keyword" || k === "regex" || k === "long_session" || k === "tone";

const defaultTemplates: Record<TriggerKind, string> = {
  keyword: "You said “{{transcript.keyword}}”: {{transcript.text}}",
  regex: "Heard: {{transcript.keyword}}",
  long_session: "Still in that meeting? It has run {{transcript.minutes}} min.",
  tone: "That sounded tense. Take a breath?",
  memory: "{{memory.emoji}} {{memory.title}}: {{memory.action_items}}",
  day_summary: "{{day_summary.emoji}} {{day_summary.headline}}",
};

const list = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

type FormState = {
  name: string;
  kind: TriggerKind;
  keywords: string;
  pattern: string;
  minutes: string;
  threshold: string;
  window: string;
  cooldown: string;
  via: "reply" | "api";
  categories: string;
  requireActionItems: boolean;
  scopes: DataScope[];
  mode: "template" | "omi_prompt";
  template: string;
  prompt: string;
};

function initialState(rule?: RuleView, defaultVia: "reply" | "api" = "reply"): FormState {
  const t = rule?.trigger;
  return {
    name: rule?.name ?? "",
    kind: t?.kind ?? "keyword",
    keywords: t?.kind === "keyword" ? t.keywords.join(", ") : "",
    pattern: t?.kind === "regex" ? t.pattern : "",
    minutes: t?.kind === "long_session" ? String(t.minutes) : "60",
    threshold: t?.kind === "tone" ? String(t.threshold) : "-1",
    window: t?.kind === "tone" ? String(t.window) : "5",
    cooldown: t && "cooldownMinutes" in t ? String(t.cooldownMinutes) : "10",
    via: t && "via" in t ? t.via : defaultVia,
    categories: t?.kind === "memory" ? t.categories.join(", ") : "",
    requireActionItems: t?.kind === "memory" ? t.requireActionItems : false,
    scopes: rule?.scopes ?? ["transcript"],
    mode: rule?.mode ?? "template",
    template: rule?.template ?? defaultTemplates.keyword,
    prompt: rule?.prompt ?? "",
  };
}

function toBody(s: FormState, enabled: boolean): RuleInput {
  const cooldownMinutes = Number(s.cooldown);
  const trigger = (() => {
    switch (s.kind) {
      case "keyword":
        return { kind: s.kind, keywords: list(s.keywords), cooldownMinutes, via: s.via };
      case "regex":
        return { kind: s.kind, pattern: s.pattern, cooldownMinutes, via: s.via };
      case "long_session":
        return { kind: s.kind, minutes: Number(s.minutes), via: s.via };
      case "tone":
        return { kind: s.kind, threshold: Number(s.threshold), window: Number(s.window), cooldownMinutes, via: s.via };
      case "memory":
        return { kind: s.kind, categories: list(s.categories), requireActionItems: s.requireActionItems };
      case "day_summary":
        return { kind: s.kind };
    }
  })();
  return {
    name: s.name,
    enabled,
    trigger,
    scopes: s.scopes,
    mode: isLive(s.kind) ? s.mode : "template",
    template: s.mode === "template" || !isLive(s.kind) ? s.template : null,
    prompt: s.mode === "omi_prompt" && isLive(s.kind) ? s.prompt : null,
  };
}

export function RuleForm({ rule, defaultVia, onDone }: { rule?: RuleView; defaultVia: "reply" | "api"; onDone: () => void }) {
  const id = useId();
  const [s, setS] = useState<FormState>(() => initialState(rule, defaultVia));
  const [sample, setSample] = useState("Can we move the budget meeting to Thursday?");
  // What each answer was about: an answer about earlier contents would mislead once they change.
  const [savedAs, setSavedAs] = useState("");
  const [testedAs, setTestedAs] = useState("");
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setS((prev) => ({ ...prev, [key]: value }));

  const save = useSaveRule(rule);
  const test = useTestRule();
  const saveRule = () => {
    setSavedAs(JSON.stringify(s));
    save.mutate(toBody(s, rule?.enabled ?? true), { onSuccess: onDone });
  };
  const testRule = () => {
    setTestedAs(JSON.stringify(s) + sample);
    test.mutate({ rule: toBody(s, true), ...(s.kind === "keyword" || s.kind === "regex" ? { sampleText: sample } : {}) });
  };

  const current = JSON.stringify(s);
  const saveAnswerFresh = current === savedAs;
  const testAnswerFresh = current + sample === testedAs;

  const changeKind = (kind: TriggerKind) => {
    const needed = scopeReadBy(kind);
    setS((prev) => ({
      ...prev,
      kind,
      scopes: prev.scopes.includes(needed) ? prev.scopes : [...prev.scopes, needed],
      mode: isLive(kind) ? prev.mode : "template",
      template: Object.values(defaultTemplates).includes(prev.template) || !prev.template ? defaultTemplates[kind] : prev.template,
    }));
  };
  const toggleScope = (scope: DataScope) =>
    set("scopes", s.scopes.includes(scope) ? s.scopes.filter((x) => x !== scope) : [...s.scopes, scope]);
  const usable = s.scopes.flatMap((scope) => Object.keys(placeholders[scope]));
  const f = (name: string) => `${id}-${name}`;

  return (
    <form
      aria-label={rule ? `Edit rule ${rule.name}` : "New rule"}
      className="space-y-4 rounded-xl border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-950/40"
      onSubmit={(e) => {
        e.preventDefault();
        saveRule();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Rule name">
          {(field) => <Input {...field} value={s.name} maxLength={80} required onChange={(e) => set("name", e.target.value)} />}
        </Field>
        <Field label="When">
          {(field) => (
            <Select {...field} value={s.kind} onChange={(e) => changeKind(e.target.value as TriggerKind)}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        {s.kind === "keyword" ? (
          <Field label="Keywords" hint="Separated by commas; whole words, any case." className="sm:col-span-2">
            {(field) => (
              <Input {...field} value={s.keywords} placeholder="budget, deadline" onChange={(e) => set("keywords", e.target.value)} />
            )}
          </Field>
        ) : null}
        {s.kind === "regex" ? (
          <Field
            label="Pattern (regular expression)"
            hint={
              <>
                RE2 syntax, any case: <code>\b</code> word edge, <code>\d</code> digit, <code>\w</code> letter or digit, <code>\s</code>{" "}
                space, <code>[a-z]</code>, <code>(mom|dad)</code>, <code>?</code> <code>*</code> <code>+</code> <code>{"{2,5}"}</code>,{" "}
                <code>\p{"{L}"}</code> any letter. Not available: back-references (<code>\1</code>) and lookarounds (<code>(?=</code>,{" "}
                <code>(?!</code>). Checked when you test or save; very large repeats are refused.
              </>
            }
            className="sm:col-span-2"
          >
            {(field) => (
              <Input
                {...field}
                className="font-mono"
                value={s.pattern}
                placeholder="\bcall (mom|dad)\b"
                maxLength={200}
                onChange={(e) => set("pattern", e.target.value)}
              />
            )}
          </Field>
        ) : null}
        {s.kind === "long_session" ? (
          <NumberField label="Longer than (minutes)" value={s.minutes} min={1} onChange={(v) => set("minutes", v)} />
        ) : null}
        {s.kind === "tone" ? (
          <>
            <NumberField
              label="Tone below (−5 to 5)"
              value={s.threshold}
              min={-5}
              max={5}
              step={0.1}
              onChange={(v) => set("threshold", v)}
            />
            <NumberField label="Over the last segments" value={s.window} min={1} max={20} onChange={(v) => set("window", v)} />
          </>
        ) : null}
        {s.kind === "memory" ? (
          <>
            <Field
              label={
                <>
                  Categories <span className="font-normal text-zinc-500">(empty: any)</span>
                </>
              }
            >
              {(field) => (
                <Input {...field} value={s.categories} placeholder="work, personal" onChange={(e) => set("categories", e.target.value)} />
              )}
            </Field>
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <Checkbox checked={s.requireActionItems} onChange={(e) => set("requireActionItems", e.target.checked)} />
              Only when it has action items
            </label>
          </>
        ) : null}
        {s.kind === "keyword" || s.kind === "regex" || s.kind === "tone" ? (
          <NumberField label="Then quiet for (minutes)" value={s.cooldown} min={0} onChange={(v) => set("cooldown", v)} />
        ) : null}
        {isLive(s.kind) && s.mode === "template" ? (
          <Field label="Deliver through">
            {(field) => (
              <Select {...field} value={s.via} onChange={(e) => set("via", e.target.value as "reply" | "api")}>
                <option value="reply">Realtime reply (instant; Omi does not confirm)</option>
                <option value="api">Omi notification API (confirmed and logged)</option>
              </Select>
            )}
          </Field>
        ) : null}
      </div>

      <fieldset>
        <legend className="text-sm font-medium">Data this rule may read</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {dataScopes.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <Checkbox
                checked={s.scopes.includes(scope)}
                onChange={() => toggleScope(scope)}
                disabled={scope === scopeReadBy(s.kind) && s.scopes.includes(scope)}
              />
              {scopeLabels[scope]}
            </label>
          ))}
        </div>
        <Hint>The trigger&rsquo;s own data is always included. The message can use only what is ticked.</Hint>
      </fieldset>

      {isLive(s.kind) ? (
        <fieldset>
          <legend className="text-sm font-medium">Message</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <label className="flex items-center gap-2">
              <Radio name={f("mode")} checked={s.mode === "template"} onChange={() => set("mode", "template")} />
              Our template
            </label>
            <label className="flex items-center gap-2">
              <Radio name={f("mode")} checked={s.mode === "omi_prompt"} onChange={() => set("mode", "omi_prompt")} />
              Omi writes it from a prompt (realtime reply)
            </label>
          </div>
        </fieldset>
      ) : null}

      {s.mode === "template" || !isLive(s.kind) ? (
        <Field
          label="Template"
          hint={`Placeholders you can use: ${usable.length ? usable.map((p) => `{{${p}}}`).join(" ") : "none (tick a scope)"}`}
        >
          {(field) => (
            <Textarea
              {...field}
              className="font-mono"
              value={s.template}
              maxLength={500}
              onChange={(e) => set("template", e.target.value)}
            />
          )}
        </Field>
      ) : (
        <Field
          label="Prompt for Omi"
          hint={`Omi fills these from what the ticked scopes grant: ${
            grantedParams(s.scopes)
              .map((p) => `{{${p}}}`)
              .join(" ") || "none"
          }.`}
        >
          {(field) => <Textarea {...field} value={s.prompt} maxLength={4000} onChange={(e) => set("prompt", e.target.value)} />}
        </Field>
      )}

      <div className="rounded-lg border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
        {s.kind === "keyword" || s.kind === "regex" ? (
          <Field label="Sample sentence" className="mb-2">
            {(field) => <Input {...field} value={sample} onChange={(e) => setSample(e.target.value)} />}
          </Field>
        ) : null}
        <Button variant="secondary" size="sm" onClick={testRule} disabled={test.isPending}>
          Test against a sample
        </Button>
        {test.isSuccess && testAnswerFresh ? (
          <div role="status" className="mt-2 text-sm">
            {test.data.matched === null ? (
              <p className="text-amber-800 dark:text-amber-300">The sample does not match, so this rule would not fire.</p>
            ) : null}
            {test.data.message !== null ? (
              <p>
                Would send: <q className="break-words">{test.data.message}</q>
              </p>
            ) : null}
            {test.data.notification ? (
              <p>Would ask Omi to write it, with params: {test.data.notification.params.join(", ") || "none"}.</p>
            ) : null}
          </div>
        ) : null}
        <FormStatus error={test.isError && testAnswerFresh ? test.error.message : null} />
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={save.isPending}>
          {rule ? "Save changes" : "Create rule"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <FormStatus error={save.isError && saveAnswerFresh ? save.error.message : null} inline />
      </div>
    </form>
  );
}

function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  min?: number;
  max?: number;
  step?: number;
}) {
  return (
    <Field label={label}>
      {(field) => (
        <Input
          {...field}
          type="number"
          inputMode="decimal"
          className="tabular"
          value={value}
          min={min}
          max={max}
          step={step}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
