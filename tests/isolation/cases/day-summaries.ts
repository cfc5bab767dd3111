/** Day summaries (recaps), sent by the owner's personal webhook token through the real webhook route. */
import { sendDaySummary } from "@/tests/day-summaries/seed";
import type { IsolationCase } from "../types";

const hasRecap = (date: string, uid: string) => (body: unknown) =>
  Array.isArray((body as { items?: unknown })?.items) &&
  (body as { items: { date: string; uid: string }[] }).items.some((i) => i.date === date && i.uid === uid);

const cases: IsolationCase[] = [
  {
    name: "GET /api/v1/day-summaries",
    kind: "list",
    handler: () => import("@/app/api/v1/day-summaries/route").then((m) => m.GET),
    setup: async (owner) => {
      await sendDaySummary({ token: owner.webhookToken, uid: owner.uid, date: "2026-03-12" });
      return { path: "/api/v1/day-summaries?from=2026-03-01&to=2026-03-31", contains: hasRecap("2026-03-12", owner.uid) };
    },
  },
  {
    name: "GET /api/v1/day-summaries/{date}",
    kind: "resource",
    handler: () => import("@/app/api/v1/day-summaries/[date]/route").then((m) => m.GET),
    setup: async (owner) => {
      await sendDaySummary({ token: owner.webhookToken, uid: owner.uid, date: "2026-03-13", legacy: true });
      return { path: "/api/v1/day-summaries/2026-03-13", params: { date: "2026-03-13" } };
    },
  },
];

export default cases;
