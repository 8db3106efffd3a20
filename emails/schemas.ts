// Runtime checks of template props. Templates are called with data read from the database (or
// from an outbox payload), so the compiler's word is not enough: a missing or malformed value
// must stop the message before it is written, never reach a participant.
import { z } from "zod";

import type { EventSummary, SessionSummary } from "./types";

/** Text that must say something: trimmed, not empty. */
export const text = () => z.string().trim().min(1);

/** An absolute http(s) address. Anything else (javascript:, data:, relative paths) is refused. */
export const webUrl = () => z.url({ protocol: /^https?$/ });

export const sessionSummary: z.ZodType<SessionSummary> = z.object({ title: text(), range: text() });

export const eventSummary: z.ZodType<EventSummary> = z.object({
  title: text(),
  url: webUrl(),
  typeLabel: text(),
  organizer: text(),
  zoneLabel: text(),
  where: text(),
  workload: text(),
  sessions: z.array(sessionSummary).min(1),
});
