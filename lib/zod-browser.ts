/**
 * The first time zod parses an object it probes whether it may compile a faster parser
 * with `new Function`. Under this app's Content-Security-Policy (no 'unsafe-eval') the
 * browser reports that probe as a violation, even though zod catches the error. In the
 * browser, tell zod up front not to try; the server keeps its compiled parsers.
 * Imported for its effect by lib/api/client.ts, which every client module that parses imports.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
