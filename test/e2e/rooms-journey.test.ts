// Video rooms end to end, against the real livekit-server started by the e2e setup: a participant
// joins from the event page with a (fake) camera, the server's webhooks open and close her
// presence; a broadcast viewer cannot publish; with webhooks lost the reconciler recovers presence;
// the organizer sees and controls the room.
import fs from "node:fs";
import path from "node:path";

import { RoomServiceClient, type ParticipantInfo } from "livekit-server-sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { db } from "~/lib/db.server";
import type { Actor } from "~/modules/auth/actor";
import { reconcileRooms } from "~/modules/attendance/presence.server";
import { register } from "~/modules/registration/registration.server";
import { joinRoom } from "~/modules/rooms/rooms.server";

import { baseUrl, launchBrowser, logIn, newPage } from "../support/browser";
import { ROOT } from "../support/database";
import { eventFactory, federalOrganizer, TEST_PASSWORD, userFactory } from "../support/factories";
import { until } from "../support/wait";

const livekit = inject("livekit");
const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
const umd = path.join(ROOT, "node_modules", "livekit-client", "dist", "livekit-client.umd.js");

async function inRoom(sessionId: string, identity: string): Promise<ParticipantInfo | undefined> {
  try {
    return (await rooms.listParticipants(`sessao-${sessionId}`)).find((p) => p.identity === identity);
  } catch {
    return undefined;
  }
}

/** An online event of this type whose only session is running now. */
async function liveEvent(organizer: Actor, type: "OFICINA" | "TRANSMISSAO") {
  const event = await eventFactory(organizer, { type, format: "ONLINE", capacity: 20, title: `Sala de teste ${type} ${Date.now()}` });
  const session = await db.eventSession.findFirstOrThrow({ where: { eventId: event.id } });
  await db.eventSession.update({ where: { id: session.id }, data: { startsAt: new Date(Date.now() - 5 * 60_000), endsAt: new Date(Date.now() + 60 * 60_000) } });
  return { event, sessionId: session.id };
}

/** A bare page that talks to LiveKit with livekit-client directly (bypassing the app's UI). */
async function rawClient(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/healthz`);
  await page.addScriptTag({ content: fs.readFileSync(umd, "utf8") });
  return { page, close: () => context.close() };
}

/** Connects the bare page to the room; the Room stays on `window.room`. */
async function connectRaw(page: Page, url: string, token: string): Promise<void> {
  await page.evaluate(
    async ({ url, token }) => {
      const lk = (window as unknown as { LivekitClient: typeof import("livekit-client") }).LivekitClient;
      const room = new lk.Room();
      (window as unknown as { room: unknown }).room = room;
      await room.connect(url, token);
    },
    { url, token },
  );
}

describe("video rooms", () => {
  let browser: Browser;
  let organizer: Actor;
  beforeAll(async () => {
    browser = await launchBrowser({ media: true });
    organizer = await federalOrganizer({ name: "Fernanda Organizadora" });
  });
  afterAll(async () => {
    fs.rmSync(inject("webhooksOffSwitch"), { force: true });
    await browser?.close();
  });

  it("lets a registered participant join from the event page with her camera; the webhooks open and then close her presence", async () => {
    const { event, sessionId } = await liveEvent(organizer, "OFICINA");
    const person = await userFactory({ name: "Joana Câmera" });
    const { registrationId } = await register(person, event.id);
    const identity = `p:${registrationId}`;

    const { page, done } = await newPage(browser);
    await logIn(page, person.email, TEST_PASSWORD);
    await page.goto(`/eventos/${event.slug}`);
    await page.getByRole("link", { name: /Entrar na sala/ }).click();
    await page.waitForURL(`**/sala/${sessionId}`);
    await page.getByLabel("Com a câmera ligada").check();
    await page.getByRole("button", { name: "Entrar na sala" }).click();

    const info = await until("ela publicar vídeo", async () => {
      const p = await inRoom(sessionId, identity);
      return p && p.tracks.some((t) => t.type === 1) ? p : null;
    });
    expect(info.name).toBe("Joana Câmera — Salvador (BA)");
    const open = await until("o webhook abrir o intervalo", () =>
      db.presenceInterval.findFirst({ where: { sessionId, registrationId, endedAt: null } }),
    );
    expect(open.source).toBe("webhook");

    // The organizer sees her in the live list.
    const org = await newPage(browser);
    await logIn(org.page, organizer.email, TEST_PASSWORD);
    await org.page.goto(`/organizar/eventos/${event.slug}/salas/${sessionId}`);
    await org.page.getByRole("cell", { name: /^Joana Câmera — Salvador \(BA\)/ }).waitFor();
    await org.done();

    await page.getByRole("button", { name: "Sair da sala" }).click();
    await page.getByText("Você saiu da sala").waitFor();
    const closed = await until("o webhook fechar o intervalo", () =>
      db.presenceInterval.findFirst({ where: { sessionId, registrationId, endedAt: { not: null } } }),
    );
    expect(closed.endedAt!.getTime()).toBeGreaterThanOrEqual(closed.startedAt.getTime());
    await done();
  });

  it("keeps a broadcast viewer from publishing: the server refuses her track even when her client is tricked into sending it", async () => {
    const { event, sessionId } = await liveEvent(organizer, "TRANSMISSAO");
    const viewer = await userFactory({ name: "Espectadora" });
    await register(viewer, event.id);
    const join = await joinRoom(viewer, sessionId);
    if (join.state !== "aberta") throw new Error(join.state);
    expect(join.canPublish).toBe(false);

    const client = await rawClient(browser);
    const outcome = await client.page.evaluate(
      async ({ url, token }) => {
        const lk = (window as unknown as { LivekitClient: typeof import("livekit-client") }).LivekitClient;
        const room = new lk.Room();
        await room.connect(url, token);
        // Pretend the server had allowed publishing, so the request really reaches the server.
        Object.assign(room.localParticipant, { permissions: { ...room.localParticipant.permissions, canPublish: true, canPublishSources: [] } });
        const attempt = room.localParticipant.setMicrophoneEnabled(true).then(
          () => "publicou",
          (e: Error) => `recusado: ${e.message}`,
        );
        const timeout = new Promise<string>((r) => setTimeout(() => r("sem resposta"), 20_000));
        const result = await Promise.race([attempt, timeout]);
        return result;
      },
      { url: join.serverUrl, token: join.token },
    );
    expect(outcome).not.toBe("publicou");
    const onServer = await until("a espectadora estar na sala", () => inRoom(sessionId, join.identity));
    expect(onServer.tracks).toHaveLength(0);
    expect(onServer.permission?.canPublish).toBe(false);
    await client.close();
  });

  it("recovers presence through the reconciler while the webhook endpoint is unreachable", async () => {
    const { event, sessionId } = await liveEvent(organizer, "OFICINA");
    const person = await userFactory({ name: "Sem Webhook" });
    const { registrationId } = await register(person, event.id);
    const join = await joinRoom(person, sessionId);
    if (join.state !== "aberta") throw new Error(join.state);

    fs.writeFileSync(inject("webhooksOffSwitch"), "");
    const client = await rawClient(browser);
    await connectRaw(client.page, join.serverUrl, join.token);
    await until("o servidor listar a pessoa", () => inRoom(sessionId, join.identity));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await db.roomEvent.count({ where: { roomName: `sessao-${sessionId}`, kind: "participant_joined" } })).toBe(0);

    const opened = await until("o reconciliador abrir o intervalo", async () => {
      await reconcileRooms();
      return db.presenceInterval.findFirst({ where: { sessionId, registrationId, endedAt: null } });
    });
    expect(opened.source).toBe("reconciliador");

    await client.page.evaluate(async () => {
      await (window as unknown as { room: { disconnect: () => Promise<void> } }).room.disconnect();
    });
    await until("o servidor deixar de listá-la", async () => !(await inRoom(sessionId, join.identity)));
    const closed = await until("o reconciliador fechar o intervalo", async () => {
      await reconcileRooms();
      return db.presenceInterval.findFirst({ where: { sessionId, registrationId, endedAt: { not: null } } });
    });
    expect(closed.source).toBe("reconciliador");
    fs.rmSync(inject("webhooksOffSwitch"), { force: true });
    await client.close();
  });

  it("lets the organizer mute and remove a participant from the live room page", async () => {
    const { event, sessionId } = await liveEvent(organizer, "OFICINA");
    const person = await userFactory({ name: "Pessoa Barulhenta" });
    await register(person, event.id);
    const participant = await newPage(browser);
    await logIn(participant.page, person.email, TEST_PASSWORD);
    await participant.page.goto(`/sala/${sessionId}`);
    await participant.page.getByLabel("Com o microfone ligado").check();
    await participant.page.getByRole("button", { name: "Entrar na sala" }).click();
    const identity = (await until("ela entrar", async () => (await rooms.listParticipants(`sessao-${sessionId}`)).find((p) => p.name.startsWith("Pessoa Barulhenta"))))
      .identity;
    await until("o microfone dela publicar", async () => (await inRoom(sessionId, identity))?.tracks.some((t) => t.source === 2 && !t.muted));

    const org = await newPage(browser);
    await logIn(org.page, organizer.email, TEST_PASSWORD);
    await org.page.goto(`/organizar/eventos/${event.slug}/salas/${sessionId}`);
    await org.page.getByRole("button", { name: /Desligar microfone de Pessoa Barulhenta/ }).click();
    await org.page.getByText("Microfone desligado.").waitFor();
    await until("o microfone ficar mudo no servidor", async () => (await inRoom(sessionId, identity))?.tracks.every((t) => t.source !== 2 || t.muted));

    await org.page.getByRole("button", { name: /Retirar da sala Pessoa Barulhenta/ }).click();
    await org.page.getByText("Pessoa retirada da sala.").waitFor();
    await until("ela sair da sala", async () => !(await inRoom(sessionId, identity)));
    await participant.page.getByText("Você saiu da sala").waitFor();
    // She cannot come straight back, until the organizer allows it.
    await participant.page.reload();
    await participant.page.getByText("A organização retirou você desta sessão").waitFor();
    await org.page.reload();
    await org.page.getByRole("button", { name: /Permitir que volte/ }).click();
    await org.page.getByText("A pessoa pode voltar à sala.").waitFor();
    await participant.page.reload();
    await participant.page.getByRole("button", { name: "Entrar na sala" }).waitFor();
    await org.done();
    await participant.done();
  });

  it("refuses a token signed with another key or already expired, and keeps one connection per person across two tabs", async () => {
    const { event, sessionId } = await liveEvent(organizer, "OFICINA");
    const person = await userFactory({ name: "Duas Abas" });
    await register(person, event.id);
    const join = await joinRoom(person, sessionId);
    if (join.state !== "aberta") throw new Error(join.state);
    const { AccessToken } = await import("livekit-server-sdk");
    const forge = async (secret: string, ttl: number) => {
      const t = new AccessToken(livekit.apiKey, secret, { identity: join.identity, ttl });
      t.addGrant({ room: `sessao-${sessionId}`, roomJoin: true, canPublish: true, canSubscribe: true });
      return t.toJwt();
    };
    const client = await rawClient(browser);
    const attempt = (token: string) =>
      client.page.evaluate(
        async ({ url, token }) => {
          const lk = (window as unknown as { LivekitClient: typeof import("livekit-client") }).LivekitClient;
          const room = new lk.Room();
          try {
            await room.connect(url, token, { maxRetries: 0 });
            return "conectou";
          } catch (e) {
            return `recusado: ${(e as Error).message}`;
          } finally {
            await room.disconnect();
          }
        },
        { url: join.serverUrl, token },
      );
    expect(await attempt(await forge("segredo-de-outro-servidor-com-mais-de-32-caracteres", 600))).toMatch(/^recusado/);
    expect(await attempt(await forge(livekit.apiSecret, -60))).toMatch(/^recusado/);

    // Two tabs of the same person: the server keeps one connection with her identity.
    const tabs = await Promise.all([rawClient(browser), rawClient(browser)]);
    for (const tab of tabs) {
      await connectRaw(tab.page, join.serverUrl, join.token);
      await until("a aba conectar", () => inRoom(sessionId, join.identity));
    }
    const list = (await rooms.listParticipants(`sessao-${sessionId}`)).filter((p) => p.identity === join.identity);
    expect(list).toHaveLength(1);
    for (const tab of tabs) await tab.close();
    await client.close();
  });
});
