// How many chat messages arrived while the chat panel was closed.
import { useState } from "react";

export function useUnread(total: number, open: boolean): number {
  const [seen, setSeen] = useState(total);
  if (open && seen !== total) setSeen(total);
  return open ? 0 : Math.max(0, total - seen);
}
