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
    /** how many reverse proxies of yours sit in front (their X-Forwarded-For entries are trusted) */
    TRUST_PROXY: z.coerce.number().int("TRUST_PROXY é o número de proxies à frente (0, 1, 2…)").min(0).max(10).default(0),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.SESSION_SECRET === DEV_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "defina SESSION_SECRET em produção" });
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
