"use client";

/** Settings → signing secret: optional whsec_… from Omi; when set, signed deliveries are verified. */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { useSaveSigningSecret } from "@/lib/api/hooks/account";

export function SigningSecretCard({ initiallySet }: { initiallySet: boolean }) {
  const [isSet, setIsSet] = useState(initiallySet);
  const [secret, setSecret] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSaveSigningSecret();
  const submit = (value: string | null) => {
    setSaved(null);
    save.mutate(value, {
      onSuccess: (data) => {
        setIsSet(data.signingSecretSet);
        setSecret("");
        setSaved(data.signingSecretSet ? "Saved. Signed deliveries are now verified." : "Removed. Deliveries are accepted by token alone.");
      },
    });
  };
  return (
    <Card aria-labelledby="signing-title">
      <CardTitle id="signing-title">
        Signing secret <span className="text-sm font-normal text-zinc-500">(optional)</span>
      </CardTitle>
      <CardDescription>
        If you issued a webhook signing secret in Omi, paste it here. Deliveries with a bad signature are then refused. It is stored
        encrypted. <strong className="font-medium text-zinc-800 dark:text-zinc-200">{isSet ? "A secret is set." : "No secret set."}</strong>
      </CardDescription>
      <form
        className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          submit(secret);
        }}
      >
        <Field label="Signing secret" className="flex-1" describedBy="signing-status">
          {(field) => (
            <Input
              {...field}
              type="password"
              autoComplete="off"
              placeholder="whsec_…"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              aria-invalid={save.isError || undefined}
              className="font-mono"
            />
          )}
        </Field>
        <div className="flex gap-2">
          <Button type="submit" disabled={!secret.trim() || save.isPending}>
            Save secret
          </Button>
          {isSet ? (
            <Button variant="secondary" disabled={save.isPending} onClick={() => submit(null)}>
              Remove
            </Button>
          ) : null}
        </div>
      </form>
      <FormStatus id="signing-status" error={save.error?.message} saved={saved} />
    </Card>
  );
}
