// For visitors whose browser is in another zone than the event: after hydration, adds the time in
// the browser's own zone (the server cannot know it).
import { useEffect, useState } from "react";

import { formatRange, sameOffset } from "~/lib/time";

export function LocalTimeHint({ startsAt, endsAt, eventZone }: { startsAt: string; endsAt: string; eventZone: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const start = new Date(startsAt);
    if (!zone || sameOffset(zone, eventZone, start)) return;
    setText(`${formatRange(start, new Date(endsAt), zone)} (fuso do seu navegador: ${zone.replace(/_/g, " ")})`);
  }, [startsAt, endsAt, eventZone]);
  return text ? <div className="small muted">No seu fuso: {text}</div> : null;
}
