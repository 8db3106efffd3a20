// Keys and a port for a test's own livekit-server, chosen before any app module reads the
// environment (call inside vi.hoisted). The port is random in a high range; startLiveKit uses it.
import crypto from "node:crypto";

export function livekitTestEnv(): { port: number; apiKey: string; apiSecret: string } {
  const port = 20_000 + crypto.randomInt(20_000);
  const apiKey = `APIteste${crypto.randomBytes(6).toString("hex")}`;
  const apiSecret = crypto.randomBytes(32).toString("hex");
  process.env.LIVEKIT_URL = `ws://127.0.0.1:${port}`;
  process.env.LIVEKIT_API_KEY = apiKey;
  process.env.LIVEKIT_API_SECRET = apiSecret;
  return { port, apiKey, apiSecret };
}

/** The Authorization header LiveKit puts on a webhook: a JWT signed with the key, over the body's SHA-256. */
export async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const { AccessToken } = await import("livekit-server-sdk");
  const token = new AccessToken(apiKey, apiSecret, { ttl: 600 });
  token.sha256 = crypto.createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}
