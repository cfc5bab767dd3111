import { describe, expect, it } from "vitest";
import fixture from "@/tests/fixtures/omi/day-summary.json";
import { parsePythonLiteral } from "@/lib/omi/python-literal";
import { conversationIdsOf, mapUrl, toRecapView } from "./view-model";

describe("recap view model", () => {
  it("renders summary_json and the legacy string identically", () => {
    const fromJson = toRecapView(fixture.summary_json);
    const fromLegacy = toRecapView(parsePythonLiteral(fixture.summary));
    expect(fromLegacy).toEqual(fromJson);
  });

  it("keeps every section of the fixture, in reading order", () => {
    const view = toRecapView(fixture.summary_json);
    expect(view.headline).toBe("Launch prep day: one blocker, clear plan");
    expect(view.emoji).toBe("🚀");
    expect(view.overview).toMatch(/^Mostly launch prep/);
    expect(view.stats).toEqual({ conversations: 4, minutes: 71, actionItems: 3 });
    expect(view.sections.map((s) => s.kind)).toEqual([
      "highlights",
      "actionItems",
      "unresolvedQuestions",
      "decisionsMade",
      "knowledgeNuggets",
      "locations",
    ]);
    const locations = view.sections.find((s) => s.kind === "locations")!.items;
    expect(locations[1]).toEqual({
      latitude: -23.548702,
      longitude: -46.700214,
      address: null,
      conversationId: "d4c3b2a1-0f9e-4d8c-b7a6-5e4f3d2c1b0a",
      time: null,
    });
    expect(conversationIdsOf(view).sort()).toEqual(["6f1c2d9e-4b7a-4f3e-9c21-8d5a7b3e0f42", "d4c3b2a1-0f9e-4d8c-b7a6-5e4f3d2c1b0a"]);
  });

  it("leaves out sections that are missing or empty, and accepts newer ones", () => {
    const { action_items: _a, locations: _l, ...rest } = fixture.summary_json;
    const newer = {
      ...rest,
      stats: { total_conversations: 2, total_duration_minutes: 12 },
      decisions_made: [],
      knowledge_nuggets: [{ insight: "  " }],
      memories_learned: [
        { memory_id: "m1", content: "Prefers morning meetings", category: "interesting", captured_at: "2026-03-12T09:00:00" },
      ],
      some_future_section: [{ x: 1 }],
    };
    const view = toRecapView(newer);
    expect(view.stats).toEqual({ conversations: 2, minutes: 12, actionItems: null });
    expect(view.sections.map((s) => s.kind)).toEqual(["highlights", "unresolvedQuestions", "memoriesLearned"]);
  });

  it("turns Omi's generic fallback and garbage into a headline with no sections", () => {
    const generic = toRecapView({ headline: "Your Day in Review", overview: "", day_emoji: "📅", stats: {}, highlights: [] });
    expect(generic).toMatchObject({ headline: "Your Day in Review", isGeneric: true, overview: null, stats: null, sections: [] });
    expect(toRecapView(null)).toMatchObject({ headline: "Your Day in Review", emoji: null, sections: [] });
    expect(toRecapView({ highlights: "nope", locations: [{ latitude: 999, longitude: 5 }] }).sections).toEqual([]);
  });

  it("links a place to the map", () => {
    expect(mapUrl({ latitude: -23.561414, longitude: -46.655881, address: null })).toBe(
      "https://www.openstreetmap.org/?mlat=-23.561414&mlon=-46.655881#map=16/-23.561414/-46.655881",
    );
    expect(mapUrl({ latitude: null, longitude: null, address: "Av. Paulista" })).toBe(
      "https://www.openstreetmap.org/search?query=Av.%20Paulista",
    );
  });
});
