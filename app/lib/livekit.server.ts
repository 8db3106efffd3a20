// The one place that talks to LiveKit: server API client, webhook receiver and access tokens.
import { AccessToken, RoomServiceClient, WebhookReceiver, type VideoGrant } from "livekit-server-sdk";

import { env } from "./env.server";
import { DomainError } from "./http.server";

export type LiveKitConfig = { url: string; httpUrl: string; apiKey: string; apiSecret: string };

export function livekitConfig(): LiveKitConfig | null {
  if (!env.LIVEKIT_URL || !env.LIVEKIT_API_KEY || !env.LIVEKIT_API_SECRET) return null;
  return {
    url: env.LIVEKIT_URL,
    httpUrl: env.LIVEKIT_URL.replace(/^ws/, "http"),
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
  };
}

export function requireLiveKit(): LiveKitConfig {
  const config = livekitConfig();
  if (!config) throw new DomainError(409, "As salas de vídeo não estão configuradas neste ambiente (LIVEKIT_URL).");
  return config;
}

let client: { key: string; service: RoomServiceClient } | undefined;
export function roomService(): RoomServiceClient {
  const c = requireLiveKit();
  const key = `${c.httpUrl}|${c.apiKey}`;
  if (client?.key !== key) client = { key, service: new RoomServiceClient(c.httpUrl, c.apiKey, c.apiSecret) };
  return client.service;
}

export function webhookReceiver(): WebhookReceiver {
  const c = requireLiveKit();
  return new WebhookReceiver(c.apiKey, c.apiSecret);
}

export async function accessToken(input: {
  identity: string;
  name: string;
  metadata: string;
  grant: VideoGrant;
  ttlSeconds: number;
}): Promise<string> {
  const c = requireLiveKit();
  const token = new AccessToken(c.apiKey, c.apiSecret, {
    identity: input.identity,
    name: input.name,
    metadata: input.metadata,
    ttl: input.ttlSeconds,
  });
  token.addGrant(input.grant);
  return token.toJwt();
}
