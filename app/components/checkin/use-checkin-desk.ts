// The check-in device's logic in the browser: keeps the sheet and every scan in IndexedDB, decides
// each scan on the device (badge signature, event, list), sends pending scans in batches until the
// server answers (on reconnection, every 15 s and after each scan), and polls the counters.
// Runs only in effects and event handlers: nothing touches window, IndexedDB or crypto while rendering.
import { useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import {
  BADGE_MESSAGES,
  cpfKeyOnDevice,
  importBadgeKey,
  presentAfter,
  verdictFor,
  verifyBadgeOnDevice,
  type DevicePerson,
  type DeviceRefused,
  type Kind,
  type Verdict,
} from "~/modules/attendance/checkin-device";

import { addScan, deviceId, loadSheet, saveAnswers, saveSheet, scansOf, storageAvailable, type DeskSheet, type ServerAnswer, type StoredScan, type StoredSheet } from "./checkin-store";

export type Tone = "ok" | "aviso" | "erro";
export type Announcement = { n: number; message: string; tone: Tone };
export type SyncState =
  | { kind: "em-dia" }
  | { kind: "enviando" }
  | { kind: "sem-conexao" }
  | { kind: "sessao-expirada" }
  | { kind: "erro"; message: string };
export type OfflineReady = "verificando" | "pronto" | "indisponivel";

const BATCH = 200;
const SYNC_EVERY_MS = 15_000;
const POLL_EVERY_MS = 5_000;
/** a connection that accepts and never answers (a venue's Wi-Fi) must not stop the sending for good */
const SEND_TIMEOUT_MS = 20_000;

const now = () => new Date().toISOString();

export function useCheckinDesk(loaderSheet: DeskSheet, urls: { sync: string; status: string }) {
  const sessionId = loaderSheet.session.id;
  const [stored, setStored] = useState<StoredSheet | null>(null);
  const [scans, setScans] = useState<StoredScan[]>([]);
  const [online, setOnline] = useState(true);
  const [sync, setSync] = useState<SyncState>({ kind: "em-dia" });
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const revalidator = useRevalidator();

  // The sheet in use: the loader's, or the device's copy when that is newer (a page served offline).
  const sheet = stored?.sheet ?? loaderSheet;
  const people = useMemo(() => new Map<string, DevicePerson>(sheet.expected.map((p) => [p.registrationId, p])), [sheet]);
  const refused = useMemo(() => new Map<string, DeviceRefused>(sheet.refused.map((p) => [p.registrationId, p])), [sheet]);
  const present = useMemo(() => {
    const base = stored?.serverPresent ?? loaderSheet.present;
    const since = stored?.receivedAt ?? "";
    // The device's scans the server's list may not include yet: pending ones, and those answered after it.
    const mine = scans.filter((s) => s.registrationId && (s.status === "pendente" || (s.status === "enviada" && s.ok && (s.answeredAt ?? "") > since)));
    return presentAfter(base, mine);
  }, [stored, loaderSheet.present, scans]);
  const expectedCount = Math.max(stored?.serverExpected ?? 0, sheet.expected.length);
  const pending = scans.filter((s) => s.status === "pendente").length;

  const announce = useCallback((message: string, tone: Tone) => setAnnouncement((a) => ({ n: (a?.n ?? 0) + 1, message, tone })), []);

  const refreshScans = useCallback(async () => setScans(await scansOf(sessionId)), [sessionId]);

  // Opening: the device's copy against the loader's sheet (the newer wins), and the scans kept here.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const copy = await loadSheet(sessionId);
      let record: StoredSheet;
      if (copy && copy.sheet.generatedAt >= loaderSheet.generatedAt) {
        record = copy;
      } else {
        record = { sessionId, sheet: loaderSheet, serverPresent: loaderSheet.present, serverExpected: loaderSheet.expected.length, receivedAt: now() };
        await saveSheet(record);
      }
      if (cancelled) return;
      setStored(record);
      setScans(await scansOf(sessionId));
      if (!(await storageAvailable()) && !cancelled) {
        setStorageProblem("Este navegador não permite guardar dados (janela anônima?): as leituras são enviadas, mas as feitas sem conexão se perdem se a página for recarregada antes do envio.");
      }
    })().catch(() => {
      if (!cancelled) setStorageProblem("Não foi possível ler os dados guardados neste aparelho. Recarregue a página com conexão.");
    });
    return () => {
      cancelled = true;
    };
  }, [sessionId, loaderSheet]);

  // Connection.
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  // Sending pending scans: one run at a time; a request during a run makes it go once more.
  const running = useRef(false);
  const again = useRef(false);
  const peopleRef = useRef(people);
  useEffect(() => {
    peopleRef.current = people;
  }, [people]);

  const sendPending = useCallback(async (): Promise<void> => {
    const waiting = (await scansOf(sessionId)).filter((s) => s.status === "pendente").sort((a, b) => a.at.localeCompare(b.at));
    if (!waiting.length) {
      setSync({ kind: "em-dia" });
      return;
    }
    if (!navigator.onLine) {
      setSync({ kind: "sem-conexao" });
      return;
    }
    setSync({ kind: "enviando" });
    for (let i = 0; i < waiting.length; i += BATCH) {
      const batch = waiting.slice(i, i + BATCH);
      let response: Response;
      try {
        response = await fetch(urls.sync, {
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          credentials: "same-origin",
          redirect: "manual",
          body: JSON.stringify({
            scans: batch.map((s) => ({
              id: s.id,
              kind: s.kind,
              at: s.at,
              method: s.method,
              deviceId: s.deviceId,
              ...(s.method === "qr" ? { badge: s.badge } : { registrationId: s.registrationId }),
            })),
          }),
        });
      } catch {
        setSync({ kind: "sem-conexao" });
        return;
      }
      if (response.type === "opaqueredirect" || response.status === 401) {
        setSync({ kind: "sessao-expirada" });
        return;
      }
      const body = (await response.json().catch(() => null)) as { results?: ServerAnswer[]; message?: string } | null;
      if (!response.ok || !body?.results) {
        setSync({ kind: "erro", message: body?.message ?? `O servidor não recebeu as leituras (erro ${response.status}). Elas continuam guardadas e serão enviadas de novo.` });
        return;
      }
      await saveAnswers(body.results, now());
      // Refusals the device could not foresee (cancelled meanwhile, unknown here) are announced.
      const surprises = body.results.filter((r) => {
        const scan = batch.find((s) => s.id === r.id);
        return !r.ok || (scan && !scan.name);
      });
      const last = surprises.at(-1);
      if (last) announce(last.ok ? last.message : `Não registrada: ${last.message}`, last.ok ? "ok" : "erro");
    }
    setSync({ kind: "em-dia" });
  }, [sessionId, urls.sync, announce]);

  const syncNow = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        await sendPending().catch(() => setSync({ kind: "sem-conexao" }));
        await refreshScans().catch(() => undefined);
      } while (again.current);
    } finally {
      running.current = false;
    }
  }, [sendPending, refreshScans]);

  const ready = !!stored;
  useEffect(() => {
    if (!ready) return;
    void syncNow();
    const onOnline = () => void syncNow();
    window.addEventListener("online", onOnline);
    const timer = setInterval(() => void syncNow(), SYNC_EVERY_MS);
    return () => {
      window.removeEventListener("online", onOnline);
      clearInterval(timer);
    };
  }, [ready, syncNow]);

  // Counters (and who is in, from every device) every 5 s while online and visible.
  const storedRef = useRef(stored);
  const revalidatorRef = useRef(revalidator);
  useEffect(() => {
    storedRef.current = stored;
    revalidatorRef.current = revalidator;
  });
  const lastRevalidation = useRef(0);
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    const tick = async () => {
      if (!navigator.onLine || document.visibilityState !== "visible") return;
      try {
        const response = await fetch(urls.status, {
          signal: AbortSignal.timeout(POLL_EVERY_MS),
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          redirect: "manual",
        });
        if (!response.ok) return;
        const data = (await response.json()) as { presentIds: string[]; expected: number };
        const current = storedRef.current;
        if (cancelled || !current) return;
        const next: StoredSheet = { ...current, serverPresent: data.presentIds, serverExpected: data.expected, receivedAt: now() };
        storedRef.current = next;
        setStored(next);
        await saveSheet(next);
        // Someone registered meanwhile (another device, the registrations page): fetch the new list.
        const r = revalidatorRef.current;
        if (data.expected !== next.sheet.expected.length && Date.now() - lastRevalidation.current > 30_000 && r.state === "idle") {
          lastRevalidation.current = Date.now();
          r.revalidate();
        }
      } catch {
        // offline or server unreachable: the device's own count stands
      }
    };
    const timer = setInterval(() => void tick(), POLL_EVERY_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [ready, urls.status]);

  // The badge key, imported once per sheet.
  const keyRef = useRef<{ jwk: JsonWebKey; key: Promise<CryptoKey> } | null>(null);
  const badgeKey = useCallback(() => {
    if (keyRef.current?.jwk !== sheet.publicKey) keyRef.current = { jwk: sheet.publicKey, key: importBadgeKey(crypto.subtle, sheet.publicKey) };
    return keyRef.current.key;
  }, [sheet.publicKey]);

  const record = useCallback(
    async (input: { method: "qr" | "busca"; kind: Kind; badge?: string; verdict: Verdict }) => {
      const { verdict } = input;
      const status = verdict.kind === "aceita" || verdict.kind === "verificar" ? "pendente" : verdict.kind === "repetida" ? "repetida" : "recusada";
      const scan: StoredScan = {
        id: crypto.randomUUID(),
        sessionId,
        eventId: sheet.event.id,
        deviceId: deviceId(),
        kind: input.kind,
        method: input.method,
        at: now(),
        badge: input.method === "qr" ? input.badge : undefined,
        registrationId: verdict.registrationId,
        name: verdict.name,
        status,
        message: verdict.message,
        ok: status !== "recusada",
      };
      try {
        await addScan(scan);
      } catch {
        setStorageProblem("Não foi possível guardar a leitura neste aparelho. Confira o espaço livre do navegador.");
      }
      setScans((list) => [scan, ...list.filter((s) => s.id !== scan.id)]);
      const offline = status === "pendente" && !navigator.onLine;
      announce(offline ? `${verdict.message} Sem conexão: será enviada quando a conexão voltar.` : verdict.message, status === "recusada" ? "erro" : status === "repetida" ? "aviso" : "ok");
      if (status === "pendente") void syncNow();
    },
    [sessionId, sheet.event.id, announce, syncNow],
  );

  /** A QR read by the camera or typed: checked here (signature, event, list), then recorded. */
  const scanBadge = useCallback(
    async (payload: string, kind: Kind) => {
      const text = payload.trim();
      const check = await verifyBadgeOnDevice(crypto.subtle, await badgeKey(), text);
      if (!check.ok) return record({ method: "qr", kind, badge: text.slice(0, 300), verdict: { kind: "recusada", registrationId: null, name: null, message: check.message } });
      if (check.eventId !== sheet.event.id) {
        return record({ method: "qr", kind, badge: text, verdict: { kind: "recusada", registrationId: null, name: null, message: BADGE_MESSAGES.outroEvento } });
      }
      const verdict = verdictFor({ registrationId: check.registrationId, kind, people: peopleRef.current, refused, present, online: navigator.onLine });
      return record({ method: "qr", kind, badge: text, verdict });
    },
    [badgeKey, record, refused, present, sheet.event.id],
  );

  /** "Registrar entrada/saída" next to a person found by name or CPF. */
  const checkPerson = useCallback(
    (registrationId: string, kind: Kind) => record({ method: "busca", kind, verdict: verdictFor({ registrationId, kind, people, refused, present, online: navigator.onLine }) }),
    [record, people, refused, present],
  );

  const hashCpf = useCallback((cpf: string) => cpfKeyOnDevice(crypto.subtle, cpf, sheet.event.id), [sheet.event.id]);

  /** A walk-in answered by the server: she joins the list here, already in. */
  const addWalkIn = useCallback(
    async (person: DevicePerson, result: ServerAnswer) => {
      const base = storedRef.current ?? { sessionId, sheet: loaderSheet, serverPresent: loaderSheet.present, serverExpected: loaderSheet.expected.length, receivedAt: now() };
      const next: StoredSheet = {
        ...base,
        sheet: { ...base.sheet, expected: [...base.sheet.expected.filter((p) => p.registrationId !== person.registrationId), person] },
        serverPresent: [...new Set([...base.serverPresent, person.registrationId])],
        serverExpected: Math.max(base.serverExpected, base.sheet.expected.length + 1),
      };
      storedRef.current = next;
      setStored(next);
      await saveSheet(next).catch(() => undefined);
      const scan: StoredScan = {
        id: result.id,
        sessionId,
        eventId: sheet.event.id,
        deviceId: deviceId(),
        kind: "ENTRADA",
        method: "avulso",
        at: now(),
        registrationId: person.registrationId,
        name: person.name,
        status: "enviada",
        message: `Inscrição na hora: ${result.message}`,
        ok: true,
        answeredAt: now(),
      };
      await addScan(scan).catch(() => undefined);
      setScans((list) => [scan, ...list]);
      announce(scan.message, "ok");
    },
    [sessionId, loaderSheet, sheet.event.id, announce],
  );

  return {
    sheet,
    ready,
    people,
    present,
    expectedCount,
    scans,
    pending,
    online,
    sync,
    announcement,
    storageProblem,
    scanBadge,
    checkPerson,
    hashCpf,
    addWalkIn,
    syncNow,
  };
}

/** Registers the service worker for this event's check-in pages and asks it to keep this page. */
export function useOfflinePage(slug: string): OfflineReady {
  const [state, setState] = useState<OfflineReady>("verificando");
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) {
      setState("indisponivel");
      return;
    }
    let cancelled = false;
    // Loaded through the worker (then the page is already kept), or before it existed (the first visit).
    const controlledAtLoad = !!navigator.serviceWorker.controller;
    const scope = `/organizar/eventos/${encodeURIComponent(slug)}/checkin/`;
    (async () => {
      let registration: ServiceWorkerRegistration | undefined;
      try {
        registration = await navigator.serviceWorker.register("/checkin-sw.js", { scope, updateViaCache: "none" });
      } catch {
        // offline: the update check fails, the worker already installed still serves
        registration = await navigator.serviceWorker.getRegistration(scope);
      }
      const worker = registration?.active ?? (await activated(registration));
      if (!worker) throw new Error("sem service worker");
      const urls = new Set<string>(controlledAtLoad ? [] : [location.pathname]);
      for (const entry of performance.getEntriesByType("resource")) {
        const url = new URL(entry.name);
        if (url.origin === location.origin && url.pathname.startsWith("/build/")) urls.add(url.pathname);
      }
      document.querySelectorAll<HTMLLinkElement | HTMLScriptElement>("link[href^='/build/'], link[rel='manifest'], script[src^='/build/']").forEach((el) => {
        urls.add(el instanceof HTMLLinkElement ? el.getAttribute("href")! : el.getAttribute("src")!);
      });
      const answer = await new Promise<{ ok: boolean }>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data as { ok: boolean });
        worker.postMessage({ type: "guardar", urls: [...urls] }, [channel.port2]);
      });
      if (!cancelled) setState(answer.ok ? "pronto" : "indisponivel");
    })().catch(() => {
      if (!cancelled) setState("indisponivel");
    });
    return () => {
      cancelled = true;
    };
  }, [slug]);
  return state;
}

function activated(registration: ServiceWorkerRegistration | undefined): Promise<ServiceWorker | null> {
  const worker = registration?.installing ?? registration?.waiting;
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve(worker);
      if (worker.state === "redundant") resolve(null);
    });
  });
}
