import { z } from "zod";
import type { ApiTokenItem } from "@/lib/accounts/api-tokens";

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiTokenJson = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
/** POST /api/v1/tokens: the secret appears here once and never again. */
export const createdApiTokenSchema = z.object({ token: z.string(), item: apiTokenSchema });
export const createApiTokenBody = z.object({ name: z.string() });

export function serializeApiToken(item: ApiTokenItem): ApiTokenJson {
  return {
    id: item.id,
    name: item.name,
    prefix: item.prefix,
    createdAt: item.createdAt.toISOString(),
    lastUsedAt: item.lastUsedAt?.toISOString() ?? null,
  };
}
