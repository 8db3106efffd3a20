// Once per e2e run: builds the app as in production and serves it on loopback against its own
// copy of the base database; the tests drive it with Debian's Chromium.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { freePort, startApp, type RunningApp } from "../support/app-server";
import { startLiveKit } from "../support/livekit";
import { startWebhookRelay } from "../support/webhook-relay";
import { BASE_DB, removeDb, ROOT, TEST_DIR } from "../support/database";
import { startSmtpSink } from "../support/smtp-sink";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseFile: string;
    /** where the SMTP sink the app sends to saves each message (.eml) */
    mailDir: string;
    livekit: { url: string; httpUrl: string; apiKey: string; apiSecret: string };
    /** while this file exists, LiveKit's webhooks cannot reach the app */
    webhooksOffSwitch: string;
  }
}

let app: RunningApp | undefined;

export default async function setup(project: TestProject) {
  if (!fs.existsSync("/usr/bin/chromium")) {
    throw new Error("Chromium não encontrado em /usr/bin/chromium: rode `npm test`, que instala com apt-get install -y chromium.");
  }
  execFileSync(path.join(ROOT, "node_modules", ".bin", "remix"), ["build"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const file = path.join(TEST_DIR, "e2e.db");
  removeDb(file);
  fs.copyFileSync(BASE_DB, file);
  const mailDir = path.join(TEST_DIR, "mail");
  fs.rmSync(mailDir, { recursive: true, force: true });
  const sink = await startSmtpSink({ saveTo: mailDir });
  const appPort = await freePort();
  const switchFile = path.join(TEST_DIR, "webhooks-off");
  fs.rmSync(switchFile, { force: true });
  const relay = await startWebhookRelay(`http://127.0.0.1:${appPort}`, switchFile);
  const livekit = await startLiveKit({ webhookUrl: `${relay.url}/api/livekit/webhook` });
  app = await startApp(
    file,
    {
      SMTP_URL: sink.url,
      OUTBOX_INTERVAL_MS: "250",
      OUTBOX_BACKOFF_MS: "200",
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    },
    appPort,
  );
  project.provide("baseUrl", app.url);
  project.provide("e2eDatabaseFile", file);
  project.provide("mailDir", mailDir);
  project.provide("livekit", { url: livekit.url, httpUrl: livekit.httpUrl, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret });
  project.provide("webhooksOffSwitch", switchFile);
  return async () => {
    await app?.stop();
    await livekit.stop();
    await relay.close();
    await sink.close();
    removeDb(file);
  };
}
