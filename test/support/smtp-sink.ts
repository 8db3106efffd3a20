// A real SMTP peer for tests: smtp-server on loopback that receives, parses (mailparser) and keeps
// what arrived, and that can be told to misbehave (refuse, answer 4xx/5xx, hang) to test faults.
// A message counts as delivered only if the client is still connected when the sink answers 250
// to its DATA: a client that died or gave up before the answer will send it again, as it must.
// (A real server may commit just before a reply that gets lost; the retry then carries the same
// Message-ID, which is what lets mail stores keep one copy — docs/decisions/008-email-outbox.md.)
import fs from "node:fs";
import path from "node:path";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

export type Received = { raw: string; parsed: ParsedMail; messageId: string; to: string[]; at: Date };

export type SinkBehaviour =
  | { kind: "accept" }
  /** answers every DATA with this SMTP error (e.g. 421 or 550) */
  | { kind: "reject"; code: number; message: string }
  /** closes connections right after they open, like a crashing server */
  | { kind: "drop" };

export type SmtpSink = {
  url: string;
  port: number;
  received: Received[];
  behave(b: SinkBehaviour): void;
  /** called when a message's data has arrived, before the sink answers; resolve to let it answer */
  beforeAccept: ((raw: string) => Promise<void>) | null;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
};

async function readStream(stream: SMTPServerDataStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startSmtpSink(opts: { port?: number; saveTo?: string } = {}): Promise<SmtpSink> {
  let behaviour: SinkBehaviour = { kind: "accept" };
  const received: Received[] = [];
  const closedSessions = new Set<string>();
  const sink: Partial<SmtpSink> & { beforeAccept: SmtpSink["beforeAccept"] } = { beforeAccept: null };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 20 * 1024 * 1024,
    closeTimeout: 200,
    onConnect(session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (behaviour.kind === "drop") {
        const err = new Error("servidor fora do ar") as Error & { responseCode: number };
        err.responseCode = 421;
        return callback(err);
      }
      callback();
    },
    onClose(session: SMTPServerSession) {
      closedSessions.add(session.id);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      void (async () => {
        const raw = await readStream(stream);
        if (behaviour.kind === "reject") {
          const err = new Error(behaviour.message) as Error & { responseCode: number };
          err.responseCode = behaviour.code;
          return callback(err);
        }
        if (sink.beforeAccept) await sink.beforeAccept(raw);
        if (closedSessions.has(session.id)) return callback(new Error("cliente desconectou antes da resposta"));
        const parsed = await simpleParser(raw);
        const item: Received = {
          raw,
          parsed,
          messageId: parsed.messageId ?? "",
          to: session.envelope.rcptTo.map((r) => r.address),
          at: new Date(),
        };
        received.push(item);
        if (opts.saveTo) {
          fs.mkdirSync(opts.saveTo, { recursive: true });
          fs.writeFileSync(path.join(opts.saveTo, `${Date.now()}-${received.length}.eml`), raw);
        }
        callback();
      })().catch((error: unknown) => callback(error as Error));
    },
  });
  const port: number = await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    behave(b: SinkBehaviour) {
      behaviour = b;
    },
    async waitFor(count: number, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`esperava ${count} mensagens, chegaram ${received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as SmtpSink;
}

/** Messages saved by a sink in another process (e2e): parsed from the .eml files. */
export async function readMaildir(dir: string): Promise<Received[]> {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
  return Promise.all(
    files.map(async (f) => {
      const raw = fs.readFileSync(path.join(dir, f), "utf8");
      const parsed = await simpleParser(raw);
      const to = parsed.to ? (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((a) => a.value.map((v) => v.address ?? "")) : [];
      return { raw, parsed, messageId: parsed.messageId ?? "", to, at: fs.statSync(path.join(dir, f)).mtime };
    }),
  );
}
