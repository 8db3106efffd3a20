// A real livekit-server (installed by scripts/ensure-livekit.sh into .tools/bin) on loopback, with
// its own keys and ports, and webhooks pointed at the app.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { freePort } from "./app-server";
import { ROOT, TEST_DIR } from "./database";

export const LIVEKIT_BIN = path.join(ROOT, ".tools", "bin", "livekit-server");

export type RunningLiveKit = {
  url: string;
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  process: ChildProcess;
  logs: () => string;
  stop: () => Promise<void>;
};

export async function startLiveKit(
  opts: { webhookUrl?: string; port?: number; apiKey?: string; apiSecret?: string } = {},
): Promise<RunningLiveKit> {
  if (!fs.existsSync(LIVEKIT_BIN)) {
    throw new Error("livekit-server não encontrado em .tools/bin: rode `npm test` (que instala com go install) ou `bash scripts/ensure-livekit.sh`.");
  }
  const port = opts.port ?? (await freePort());
  const tcpPort = await freePort();
  const udpPort = await freePort();
  const apiKey = opts.apiKey ?? `APIteste${crypto.randomBytes(6).toString("hex")}`;
  const apiSecret = opts.apiSecret ?? crypto.randomBytes(32).toString("hex");
  const config = [
    `port: ${port}`,
    "bind_addresses:",
    '  - "127.0.0.1"',
    "rtc:",
    `  tcp_port: ${tcpPort}`,
    `  udp_port: ${udpPort}`,
    "  use_external_ip: false",
    '  node_ip: "127.0.0.1"',
    "keys:",
    `  ${apiKey}: ${apiSecret}`,
    "logging:",
    "  level: warn",
    "room:",
    "  empty_timeout: 60",
    ...(opts.webhookUrl ? ["webhook:", `  api_key: ${apiKey}`, "  urls:", `    - "${opts.webhookUrl}"`] : []),
  ].join("\n");
  fs.mkdirSync(TEST_DIR, { recursive: true });
  const file = path.join(TEST_DIR, `livekit-${process.pid}-${port}.yaml`);
  fs.writeFileSync(file, config);
  let output = "";
  const child = spawn(LIVEKIT_BIN, ["--config", file], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`livekit-server saiu com código ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(httpUrl)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`livekit-server não respondeu em 20 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl,
    apiKey,
    apiSecret,
    process: child,
    logs: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        fs.rmSync(file, { force: true });
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
