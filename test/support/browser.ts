// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";

import { readMaildir, type Received } from "./smtp-sink";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * `media`: fake camera and microphone, permission granted without a prompt (video rooms).
 * `videoFile`: the fake camera shows this YUV4MPEG2 (.y4m) file in a loop instead of its test pattern (implies `media`).
 */
export async function launchBrowser(opts: { media?: boolean; videoFile?: string } = {}): Promise<Browser> {
  const media =
    opts.media || opts.videoFile ? ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"] : [];
  const video = opts.videoFile ? [`--use-file-for-fake-video-capture=${opts.videoFile}`] : [];
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: [...CHROMIUM_ARGS, ...media, ...video] });
}

export function baseUrl(): string {
  return inject("baseUrl");
}

/** Waits until the app's e-mail to `to` whose subject matches arrives at the test SMTP server. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 20_000): Promise<Received> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMaildir(inject("mailDir"))).find((m) => m.to.includes(to) && subject.test(m.parsed.subject ?? ""));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`nenhum e-mail para ${to} com assunto ${subject} em ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function inviteOf(mail: Received): string {
  const part = mail.parsed.attachments.find((a) => a.contentType === "text/calendar");
  if (!part) throw new Error(`a mensagem “${mail.parsed.subject}” não tem convite de agenda`);
  return part.content.toString("utf8");
}

export type TestPage = {
  context: BrowserContext;
  page: Page;
  /** uncaught errors in the page's scripts (hydration failures, crashes) */
  pageErrors: string[];
  /** closes the context and fails the test if any script error happened */
  done: () => Promise<void>;
};

/** `phone`: a 360 × 740 touch screen, as the organizers' phones at the door. */
export async function newPage(browser: Browser, opts: { javaScriptEnabled?: boolean; timezoneId?: string; phone?: boolean } = {}): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: "pt-BR",
    timezoneId: opts.timezoneId ?? "America/Sao_Paulo",
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    ...(opts.phone ? { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return {
    context,
    page,
    pageErrors,
    done: async () => {
      await context.close();
      expect(pageErrors, "erros de JavaScript na página").toEqual([]);
    },
  };
}

/** Logs in through the form, as a person would. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/entrar");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/entrar")), page.getByRole("button", { name: "Entrar" }).click()]);
}

export async function expectText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: "visible" });
  expect(await page.getByText(text).first().isVisible()).toBe(true);
}
