// The only reader of process.env. Parsed once, at boot (entry.server imports it first).
import { z } from "zod";

const DEV_SECRET = "apoia-suas-dev-secret-not-for-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^file:/, "DATABASE_URL deve ser um caminho SQLite no formato file:./caminho.db")
      .default("file:./data/dev.db"),
    SESSION_SECRET: z.string().min(16, "SESSION_SECRET precisa de ao menos 16 caracteres").default(DEV_SECRET),
    APP_URL: z.url("APP_URL deve ser uma URL completa, como https://apoia.suas.gov.br").default("http://localhost:3000"),
    /** smtp://user:password@host:587 or smtps://…:465; empty in development keeps mail in the local mailbox */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL deve começar com smtp:// ou smtps://")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    MAIL_FROM: z.string().min(3).default("Apoia SUAS <nao-responda@apoiasuas.gov.br>"),
    /** "0" keeps this process from delivering the outbox (another process does) */
    OUTBOX_WORKER: z.enum(["0", "1"]).default("1"),
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
    /** first retry delay; later ones double, up to an hour */
    OUTBOX_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    /** LiveKit (self-hosted or LiveKit Cloud): ws(s)://host[:port]; with key and secret. Empty disables rooms. */
    LIVEKIT_URL: z
      .string()
      .regex(/^wss?:\/\//, "LIVEKIT_URL deve começar com ws:// ou wss://")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    LIVEKIT_API_KEY: z.string().optional(),
    LIVEKIT_API_SECRET: z.string().optional(),
    /** how many reverse proxies of yours sit in front (their X-Forwarded-For entries are trusted) */
    TRUST_PROXY: z.coerce.number().int("TRUST_PROXY é o número de proxies à frente (0, 1, 2…)").min(0).max(10).default(0),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.SESSION_SECRET === DEV_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "defina SESSION_SECRET em produção" });
    }
    if (env.LIVEKIT_URL && (!env.LIVEKIT_API_KEY || !env.LIVEKIT_API_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["LIVEKIT_API_KEY"], message: "com LIVEKIT_URL, defina também LIVEKIT_API_KEY e LIVEKIT_API_SECRET" });
    }
    if (env.NODE_ENV === "production" && !env.SMTP_URL) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "defina SMTP_URL em produção (a caixa local é só para desenvolvimento)" });
    }
  });

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuração inválida:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();
export const isProduction = env.NODE_ENV === "production";
