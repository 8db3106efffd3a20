// Waiting in end-to-end tests for something the app does in the background (a webhook, a job).

/** Polls `fn` every 250 ms until it returns something truthy; fails saying `what` it waited for. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`esperando: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
