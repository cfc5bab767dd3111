import { z } from "zod";
import type { ApiTokenItem } from "@/lib/accounts/api-tokens";
import { tokenScopes } from "@/lib/auth/token-scopes";

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(tokenScopes)),
  /** null: never expires. */
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiTokenJson = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
/** POST /api/v1/tokens: the secret appears here once and never again. */
export const createdApiTokenSchema = z.object({ token: z.string(), item: apiTokenSchema });

export const maxTokenDays = 3650;

/**
 * POST /api/v1/tokens {name, scopes?, expiresInDays?}. Without `scopes` a token can only
 * read: a token that can do more says so. `expiresInDays` absent or null: never expires.
 */
export const createApiTokenBody = z.object({
  name: z.string(),
  scopes: z
    .array(z.enum(tokenScopes, { message: `Use scopes from: ${tokenScopes.join(", ")}` }))
    .min(1, "Choose at least one scope")
    .max(tokenScopes.length * 2)
    .default(["read"]),
  expiresInDays: z.number().int().min(1).max(maxTokenDays).nullable().optional(),
});
export type CreateApiTokenBody = z.input<typeof createApiTokenBody>;

export function serializeApiToken(item: ApiTokenItem): ApiTokenJson {
  return {
    id: item.id,
    name: item.name,
    prefix: item.prefix,
    scopes: item.scopes,
    expiresAt: item.expiresAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
    lastUsedAt: item.lastUsedAt?.toISOString() ?? null,
  };
}
