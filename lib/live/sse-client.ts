/**
 * A Server-Sent Events reader for Node (tests, the benchmark, scripts): the browser has
 * EventSource, Node does not. The wire format is parsed by eventsource-parser; this adds
 * what EventSource keeps between events: the last event id (an event without an `id:`
 * line carries the previous one) and "message" as the default event name.
 */
import { createParser } from "eventsource-parser";

export type SseEvent = { event: string; id: string | null; data: string };

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const ready: SseEvent[] = [];
  let lastId: string | null = null;
  // The parser calls back synchronously while fed, onId before the event it belongs to.
  const parser = createParser({
    onId: (id) => (lastId = id),
    onEvent: (e) => ready.push({ event: e.event ?? "message", id: lastId, data: e.data }),
  });
  const decoder = new TextDecoder();
  for await (const bytes of body) {
    parser.feed(decoder.decode(bytes, { stream: true }));
    yield* ready.splice(0);
  }
}
