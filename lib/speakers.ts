/**
 * A stable colour per speaker, the same on every page and in both themes, so a person learns who is who at a glance.
 * Keyed by the integer speaker id Omi sends (prefer it over the "SPEAKER_0" string);
 * the person wearing Omi ("is_user") always gets the accent colour.
 */
const palette = [
  { name: "teal", light: "#0f766e", dark: "#5eead4", bg: "rgb(20 184 166 / 0.14)" },
  { name: "amber", light: "#b45309", dark: "#fcd34d", bg: "rgb(245 158 11 / 0.14)" },
  { name: "rose", light: "#be123c", dark: "#fda4af", bg: "rgb(244 63 94 / 0.14)" },
  { name: "sky", light: "#0369a1", dark: "#7dd3fc", bg: "rgb(14 165 233 / 0.14)" },
  { name: "lime", light: "#4d7c0f", dark: "#bef264", bg: "rgb(132 204 22 / 0.14)" },
  { name: "fuchsia", light: "#a21caf", dark: "#f0abfc", bg: "rgb(217 70 239 / 0.14)" },
  { name: "orange", light: "#c2410c", dark: "#fdba74", bg: "rgb(249 115 22 / 0.14)" },
  { name: "cyan", light: "#0e7490", dark: "#67e8f9", bg: "rgb(6 182 212 / 0.14)" },
] as const;
const userColour = { name: "accent", light: "#4f46e5", dark: "#a5b4fc", bg: "rgb(99 102 241 / 0.14)" } as const;

export type SpeakerColour = { name: string; light: string; dark: string; bg: string };

/** Parses "SPEAKER_01" → 1 when no integer id was sent. */
export function speakerNumber(speakerId: number | null | undefined, speaker?: string | null): number {
  if (typeof speakerId === "number" && Number.isFinite(speakerId)) return speakerId;
  const m = /(\d+)\s*$/.exec(speaker ?? "");
  return m ? Number(m[1]) : 0;
}

export function speakerColour(s: { speakerId?: number | null; speaker?: string | null; isUser?: boolean | null }): SpeakerColour {
  if (s.isUser) return userColour;
  const n = speakerNumber(s.speakerId, s.speaker);
  return palette[((n % palette.length) + palette.length) % palette.length]!;
}

/** CSS custom properties for an element; pair with `text-[var(--spk)] dark:text-[var(--spk-dark)]`. */
export function speakerStyle(s: { speakerId?: number | null; speaker?: string | null; isUser?: boolean | null }): Record<string, string> {
  const c = speakerColour(s);
  return { "--spk": c.light, "--spk-dark": c.dark, "--spk-bg": c.bg };
}

/** "You", the name Omi sent, or "Speaker N". */
export function speakerLabel(s: {
  speakerId?: number | null;
  speaker?: string | null;
  speakerName?: string | null;
  isUser?: boolean | null;
}): string {
  if (s.speakerName) return s.speakerName;
  if (s.isUser) return "You";
  return `Speaker ${speakerNumber(s.speakerId, s.speaker)}`;
}
