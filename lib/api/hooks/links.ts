/** Omi uid links in the browser: Settings' list, and the steps of the /link page. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, sendJson } from "@/lib/api/client";
import { type Link, linkListSchema, linkSchema, okSchema } from "@/lib/api/schemas/links";

export const linkKeys = {
  all: ["links"] as const,
  list: () => [...linkKeys.all, "list"] as const,
};

const linkPath = (id: string) => `/api/v1/links/${encodeURIComponent(id)}`;

export function useLinks() {
  return useQuery({ queryKey: linkKeys.list(), queryFn: () => fetchJson("/api/v1/links", linkListSchema) });
}

export function useRenameLink(link: Link) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (nickname: string | null) => sendJson("PATCH", linkPath(link.id), linkSchema, { nickname }),
    onSuccess: () => client.invalidateQueries({ queryKey: linkKeys.all }),
  });
}

export function useUnlink(link: Link) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson("DELETE", linkPath(link.id), okSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: linkKeys.all }),
  });
}

/** Links `uid` to the signed-in account (unverified when a code can be sent, else trusted). */
export const startLink = (uid: string) => sendJson("POST", "/api/v1/links", linkSchema, { uid });

/** Pushes a new code to the Omi app; `automatic` marks the page's own quiet retries. */
export const sendLinkCode = (id: string, automatic = false) =>
  sendJson("POST", `${linkPath(id)}/code`, linkSchema, automatic ? { automatic: true } : {});

export const verifyLink = (id: string, code: string) => sendJson("POST", `${linkPath(id)}/verify`, linkSchema, { code });
