"use client";

/** Settings → signing secret: optional whsec_… from Omi; when set, signed deliveries are verified. */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/client";
import { inputClass, sectionText, sectionTitle } from "./styles";

const answer = z.object({ signingSecretSet: z.boolean() });

export function SigningSecretCard({ initiallySet }: { initiallySet: boolean }) {
  const [isSet, setIsSet] = useState(initiallySet);
  const [secret, setSecret] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (value: string | null) =>
      fetchJson("/api/v1/account/signing-secret", answer, { method: "PUT", body: JSON.stringify({ secret: value }) }),
    onSuccess: (data) => {
      setIsSet(data.signingSecretSet);
      setSecret("");
      setSaved(data.signingSecretSet ? "Saved. Signed deliveries are now verified." : "Removed. Deliveries are accepted by token alone.");
    },
  });
  return (
    <Card aria-labelledby="signing-title">
      <h2 id="signing-title" className={sectionTitle}>
        Signing secret <span className="text-sm font-normal text-zinc-500">(optional)</span>
      </h2>
      <p className={sectionText}>
        If you issued a webhook signing secret in Omi, paste it here. Deliveries with a bad signature are then refused. It is stored
        encrypted.{" "}
        <strong className="font-medium text-zinc-800 dark:text-zinc-200">{isSet ? "A secret is set." : "No secret set."}</strong>
      </p>
      <form
        className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          save.mutate(secret);
        }}
      >
        <div className="flex-1">
          <label htmlFor="signing-secret" className="text-sm font-medium">
            Signing secret
          </label>
          <input
            id="signing-secret"
            type="password"
            autoComplete="off"
            placeholder="whsec_…"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-invalid={save.isError ? true : undefined}
            aria-describedby={save.isError ? "signing-error" : undefined}
            className={`${inputClass} mt-1 font-mono`}
          />
        </div>
        <div className="flex gap-2">
          <Button type="submit" disabled={!secret.trim() || save.isPending}>
            Save secret
          </Button>
          {isSet ? (
            <Button
              variant="secondary"
              disabled={save.isPending}
              onClick={() => {
                setSaved(null);
                save.mutate(null);
              }}
            >
              Remove
            </Button>
          ) : null}
        </div>
      </form>
      <div aria-live="polite">
        {save.isError ? (
          <p id="signing-error" role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
            {save.error.message}
          </p>
        ) : saved ? (
          <p className="mt-2 text-sm text-emerald-700 dark:text-emerald-300">{saved}</p>
        ) : null}
      </div>
    </Card>
  );
}
