/**
 * The parts of a memory's detail page that live only in Omi's original payload
 * (sections, events, calendar event, photos). Read tolerantly: the developer webhook,
 * the app webhook and the phone's "trigger webhook" each shape them a little
 * differently (docs/OMI.md §1), and a field Omi drops or renames must leave the
 * rest of the page intact, never fail it.
 */
import { z } from "zod";

const text = z.string().catch("");
const optionalText = z.string().nullish().catch(null);
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.flatMap((i) => {
        const parsed = item.safeParse(i);
        return parsed.success ? [parsed.data as z.infer<T>] : [];
      }),
    );

const section = z.object({ heading: text, body_markdown: text.optional() }).transform((s) => ({
  heading: s.heading,
  bodyMarkdown: s.body_markdown ?? "",
}));

const event = z
  .object({
    title: text,
    description: optionalText,
    start: optionalText,
    startsAt: optionalText,
    duration: z.number().nullish().catch(null),
  })
  .transform((e) => ({
    title: e.title,
    description: e.description ?? null,
    start: e.start ?? e.startsAt ?? null,
    durationMinutes: e.duration ?? null,
  }));

const calendarEvent = z
  .object({
    title: text,
    start_time: optionalText,
    end_time: optionalText,
    html_link: optionalText,
    attendees: z.array(z.string()).catch([]).optional(),
    attendee_emails: z.array(z.string()).catch([]).optional(),
  })
  .transform((c) => ({
    title: c.title,
    startTime: c.start_time ?? null,
    endTime: c.end_time ?? null,
    // Only web links: the page renders this as an href.
    htmlLink: c.html_link && /^https:\/\//i.test(c.html_link) ? c.html_link : null,
    attendees: c.attendees?.length ? c.attendees : (c.attendee_emails ?? []),
  }));

// Inline images only: the page builds a data: URL, so the type must be an image and the
// data plain base64 (anything else could smuggle another kind of document).
const photo = z
  .object({
    id: optionalText,
    base64: z.string().regex(/^[A-Za-z0-9+/=\s]+$/),
    // Missing type: assume JPEG (Omi's default); a present non-image type drops the photo.
    content_type: z
      .string()
      .regex(/^image\/[a-z0-9.+-]+$/i)
      .nullish(),
    description: optionalText,
    discarded: z.boolean().nullish().catch(null),
  })
  .transform((p) => ({
    id: p.id ?? null,
    contentType: p.content_type ?? "image/jpeg",
    base64: p.base64.replace(/\s+/g, ""),
    description: p.description ?? null,
  }));

const payload = z
  .object({
    structured: z
      .object({ sections: list(section), events: list(event) })
      .partial()
      .catch({}),
    calendar_event: calendarEvent.nullish().catch(null),
    photos: z
      .array(z.unknown())
      .catch([])
      .transform((items) =>
        items.flatMap((i) => {
          const parsed = photo.safeParse(i);
          const discarded = typeof i === "object" && i !== null && (i as { discarded?: unknown }).discarded === true;
          return parsed.success && !discarded ? [parsed.data] : [];
        }),
      ),
  })
  .partial()
  .catch({});

export type MemoryExtras = {
  sections: { heading: string; bodyMarkdown: string }[];
  events: { title: string; description: string | null; start: string | null; durationMinutes: number | null }[];
  calendarEvent: { title: string; startTime: string | null; endTime: string | null; htmlLink: string | null; attendees: string[] } | null;
  photos: { id: string | null; contentType: string; base64: string; description: string | null }[];
};

export function memoryExtras(raw: unknown): MemoryExtras {
  const p = payload.parse(raw ?? {});
  return {
    sections: p.structured?.sections ?? [],
    events: p.structured?.events ?? [],
    calendarEvent: p.calendar_event ?? null,
    photos: p.photos ?? [],
  };
}
