// E2E test files write their fixtures into the database the running app uses.
import { afterAll, inject } from "vitest";

import { E2E_SESSION_SECRET } from "../support/app-server";

process.env.NODE_ENV = "test";
process.env.TZ = "UTC";
process.env.DATABASE_URL = `file:${inject("e2eDatabaseFile")}`;
process.env.SESSION_SECRET = E2E_SESSION_SECRET;
// The same LiveKit as the app, so tests can mint tokens and run the reconciler themselves.
const livekit = inject("livekit");
process.env.LIVEKIT_URL = livekit.url;
process.env.LIVEKIT_API_KEY = livekit.apiKey;
process.env.LIVEKIT_API_SECRET = livekit.apiSecret;

afterAll(async () => {
  const { db } = await import("~/lib/db.server");
  await db.$disconnect();
});
