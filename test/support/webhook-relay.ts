// Sits between livekit-server and the app so tests can make the webhook endpoint unreachable for
// a while: while the switch file exists, connections are reset instead of forwarded.
import fs from "node:fs";
import http from "node:http";

export type WebhookRelay = { url: string; switchFile: string; close: () => Promise<void> };

export async function startWebhookRelay(target: string, switchFile: string): Promise<WebhookRelay> {
  const server = http.createServer((req, res) => {
    if (fs.existsSync(switchFile)) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
      fetch(new URL(req.url ?? "/", target), { method: req.method, headers, body: Buffer.concat(chunks) })
        .then(async (r) => {
          res.writeHead(r.status, { "Content-Type": r.headers.get("content-type") ?? "text/plain" });
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  const port: number = await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    switchFile,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
