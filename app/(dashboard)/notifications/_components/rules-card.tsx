"use client";

/** Rules: list with on/off, edit, delete; a form to create one. */
import { Sparkles } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { Checkbox } from "@/components/ui/input";
import { EmptyState, ErrorState, ListSkeleton } from "@/components/ui/states";
import { useDeleteRule, useRules, useToggleRule } from "@/lib/api/hooks/notifications";
import type { RuleView } from "@/lib/api/schemas/notifications";
import { scopeLabels } from "@/lib/notify/scopes";
import { RuleForm } from "./rule-form";

export function RulesCard() {
  const rules = useRules();
  const [creating, setCreating] = useState(false);
  // The issue asks live rules to answer in the realtime reply when they can; the API is one choice away.
  const defaultVia = "reply" as const;
  return (
    <Card aria-labelledby="rules-title">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle id="rules-title">Rules</CardTitle>
          <CardDescription>
            Each rule reads only the data it declares, fires at most once per segment, memory or summary, and notifies only Omi accounts you
            have linked and verified. Up to 50 rules.
          </CardDescription>
        </div>
        {!creating ? <Button onClick={() => setCreating(true)}>New rule</Button> : null}
      </div>
      {creating ? (
        <div className="mt-4">
          <RuleForm defaultVia={defaultVia} onDone={() => setCreating(false)} />
        </div>
      ) : null}
      <div className="mt-4">
        {rules.isPending ? (
          <ListSkeleton rows={2} label="Loading rules" />
        ) : rules.isError ? (
          <ErrorState title="Rules could not be loaded" message={rules.error.message} onRetry={() => rules.refetch()} />
        ) : rules.data.items.length === 0 ? (
          creating ? null : (
            <EmptyState icon={<Sparkles className="size-6" />} title="No rules yet">
              A rule sends a notification when something happens: you say a keyword, a meeting runs long, a memory with action items
              arrives, or your day summary is ready. Choose &ldquo;New rule&rdquo; to make one.
            </EmptyState>
          )
        ) : (
          <ul aria-label="Rules" className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {rules.data.items.map((rule) => (
              <RuleRow key={rule.id} rule={rule} defaultVia={defaultVia} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function RuleRow({ rule, defaultVia }: { rule: RuleView; defaultVia: "reply" | "api" }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const toggle = useToggleRule(rule);
  const remove = useDeleteRule(rule);
  if (editing) {
    return (
      <li className="py-3">
        <RuleForm rule={rule} defaultVia={defaultVia} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-start gap-3 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {rule.name}
          {!rule.enabled ? (
            <span className="ml-2 rounded-full bg-zinc-200 px-2 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              Off
            </span>
          ) : null}
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{rule.description}</p>
        <p className="mt-1 text-xs text-zinc-500">
          Reads: {rule.scopes.map((s) => scopeLabels[s]).join(", ")} ·{" "}
          {rule.mode === "omi_prompt" ? "Omi writes the message" : <span className="font-mono break-all">{rule.template}</span>}
        </p>
        <FormStatus error={toggle.error?.message} inline className="mt-1 empty:hidden" />
      </div>
      <div className="flex w-full flex-wrap items-center gap-1 sm:w-auto">
        <label className="mr-2 flex items-center gap-2 text-sm">
          <Checkbox
            role="switch"
            checked={rule.enabled}
            disabled={toggle.isPending}
            onChange={() => toggle.mutate()}
            aria-label={`${rule.name} enabled`}
          />
          On
        </label>
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit ${rule.name}`}>
          Edit
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete ${rule.name}`}>
          Delete
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${rule.name}”?`}
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      >
        <p>It stops firing. Notifications it already sent stay in the log.</p>
        <FormStatus error={remove.error?.message} />
      </ConfirmDialog>
    </li>
  );
}
