// The background loop that delivers the outbox (and, each tick, whatever else is due: reminders).
// One per process, started by the HTTP server (app/entry.server.tsx) or by scripts/outbox-worker.ts.
import { env } from "~/lib/env.server";

import { deliverDue } from "./outbox.server";
import { configuredTransport, type MailTransport } from "./transport.server";

export type Worker = { stop: () => Promise<void>; tick: () => Promise<void> };

type Hook = (now: Date) => Promise<unknown>;
const beforeDelivery: Hook[] = [];

/** Jobs that enqueue messages when their time comes (reminders) run before each delivery round. */
export function onEveryTick(hook: Hook): void {
  beforeDelivery.push(hook);
}

export function startOutboxWorker(opts: { transport?: MailTransport; intervalMs?: number; log?: (msg: string) => void } = {}): Worker {
  const transport = opts.transport ?? configuredTransport();
  const log = opts.log ?? ((msg: string) => console.log(msg));
  let running: Promise<void> | null = null;
  let stopped = false;

  const round = async () => {
    for (const hook of beforeDelivery) await hook(new Date());
    for (;;) {
      const report = await deliverDue({ transport });
      if (report.sent + report.retried + report.failed) {
        log(`caixa de saída: ${report.sent} enviadas, ${report.retried} para nova tentativa, ${report.failed} com falha`);
      }
      if (stopped || report.claimed < 50) break;
    }
  };
  const tick = async () => {
    if (running || stopped) return running ?? undefined;
    running = round()
      .catch((error: unknown) => console.error("caixa de saída: erro na entrega", error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? env.OUTBOX_INTERVAL_MS);
  void tick();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
