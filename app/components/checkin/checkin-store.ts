// The check-in device's memory (IndexedDB, browser only): the sheet of each session (who is expected,
// the public key, who the server says is in) and every scan made here, pending until the server
// answers. Nothing here runs on the server: callers use it from effects and event handlers.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

import type { DevicePerson, DeviceRefused, Kind } from "~/modules/attendance/checkin-device";

/** The sheet as the page's loader gives it (see checkinSheet in checkin.server.ts). */
export type DeskSheet = {
  generatedAt: string;
  event: { id: string; slug: string; title: string; timeZone: string; capacity: number | null; format: string };
  session: { id: string; title: string; startsAt: string; endsAt: string };
  expected: DevicePerson[];
  refused: DeviceRefused[];
  present: string[];
  publicKey: JsonWebKey;
};

export type StoredSheet = {
  sessionId: string;
  sheet: DeskSheet;
  /** who the server last said is in, and when this device heard it (device clock) */
  serverPresent: string[];
  serverExpected: number;
  receivedAt: string;
};

export type ScanStatus = "pendente" | "enviada" | "recusada" | "repetida";

export type StoredScan = {
  id: string;
  sessionId: string;
  eventId: string;
  deviceId: string;
  kind: Kind;
  method: "qr" | "busca" | "avulso";
  /** device time, ISO */
  at: string;
  badge?: string;
  registrationId: string | null;
  name: string | null;
  status: ScanStatus;
  /** the device's message, then the server's */
  message: string;
  ok: boolean;
  duplicate?: boolean;
  /** when the server's answer arrived (device clock) */
  answeredAt?: string;
};

interface CheckinDb extends DBSchema {
  folhas: { key: string; value: StoredSheet };
  leituras: { key: string; value: StoredScan; indexes: { sessao: string } };
}

const DB_NAME = "apoia-suas-checkin";
let opening: Promise<IDBPDatabase<CheckinDb> | null> | null = null;

/**
 * The database, or null where the browser refuses IndexedDB (some private windows): the page then
 * keeps everything in memory — it still sends scans, but a reload loses those not yet sent.
 */
function openCheckinDb(): Promise<IDBPDatabase<CheckinDb> | null> {
  return (opening ??= openDB<CheckinDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("folhas", { keyPath: "sessionId" });
      db.createObjectStore("leituras", { keyPath: "id" }).createIndex("sessao", "sessionId");
    },
  }).catch(() => null));
}

const memory = { sheets: new Map<string, StoredSheet>(), scans: new Map<string, StoredScan>() };

/** False when this browser keeps nothing across reloads. */
export async function storageAvailable(): Promise<boolean> {
  return !!(await openCheckinDb());
}

export async function loadSheet(sessionId: string): Promise<StoredSheet | undefined> {
  const db = await openCheckinDb();
  return db ? db.get("folhas", sessionId) : memory.sheets.get(sessionId);
}

export async function saveSheet(record: StoredSheet): Promise<void> {
  const db = await openCheckinDb();
  if (db) await db.put("folhas", record);
  else memory.sheets.set(record.sessionId, record);
}

/** This session's scans made on this device, newest first. */
export async function scansOf(sessionId: string): Promise<StoredScan[]> {
  const db = await openCheckinDb();
  const all = db ? await db.getAllFromIndex("leituras", "sessao", sessionId) : [...memory.scans.values()].filter((s) => s.sessionId === sessionId);
  return all.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

export async function addScan(scan: StoredScan): Promise<void> {
  const db = await openCheckinDb();
  if (db) await db.put("leituras", scan);
  else memory.scans.set(scan.id, scan);
}

export type ServerAnswer = { id: string; ok: boolean; duplicate?: boolean; name?: string; message: string };

function answered(scan: StoredScan, a: ServerAnswer, answeredAt: string): StoredScan {
  return { ...scan, status: a.ok ? "enviada" : "recusada", ok: a.ok, duplicate: a.duplicate ?? false, name: a.name ?? scan.name, message: a.message, answeredAt };
}

/** Keeps the server's answer on each scan it answered (sent: accepted or refused there). */
export async function saveAnswers(answers: ServerAnswer[], answeredAt: string): Promise<void> {
  const db = await openCheckinDb();
  if (!db) {
    for (const a of answers) {
      const scan = memory.scans.get(a.id);
      if (scan) memory.scans.set(a.id, answered(scan, a, answeredAt));
    }
    return;
  }
  const tx = db.transaction("leituras", "readwrite");
  for (const a of answers) {
    const scan = await tx.store.get(a.id);
    if (scan) await tx.store.put(answered(scan, a, answeredAt));
  }
  await tx.done;
}

/** Forgets a session on this device (its sheet and its scans already answered by the server). */
export async function forgetSession(sessionId: string): Promise<number> {
  const db = await openCheckinDb();
  if (!db) {
    const kept = [...memory.scans.values()].filter((s) => s.sessionId === sessionId && s.status === "pendente").length;
    for (const s of [...memory.scans.values()]) if (s.sessionId === sessionId && s.status !== "pendente") memory.scans.delete(s.id);
    if (!kept) memory.sheets.delete(sessionId);
    return kept;
  }
  const tx = db.transaction(["folhas", "leituras"], "readwrite");
  let kept = 0;
  for (const scan of await tx.objectStore("leituras").index("sessao").getAll(sessionId)) {
    if (scan.status === "pendente") kept++;
    else await tx.objectStore("leituras").delete(scan.id);
  }
  if (!kept) await tx.objectStore("folhas").delete(sessionId);
  await tx.done;
  return kept;
}

const DEVICE_KEY = "apoia-suas-checkin-aparelho";

/** A random id for this device, kept across visits (it says which phone made each scan). */
export function deviceId(): string {
  try {
    const known = window.localStorage.getItem(DEVICE_KEY);
    if (known && /^[A-Za-z0-9_-]{1,64}$/.test(known)) return known;
    const id = crypto.randomUUID();
    window.localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    return "sem-armazenamento";
  }
}
