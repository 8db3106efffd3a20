// HTTP server: express in front of the Remix request handler. It is the one place for what
// every request needs: the client address, cross-site request forgery protection, security
// headers with a per-request CSP nonce, compression and static files.
// Development (`npm run dev`): `remix dev --manual` rebuilds and this process re-imports the build.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";

import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

import { crossOriginVerdict } from "./cross-origin.js";

installGlobals();

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
const BUILD_PATH = path.join(root, "build", "index.js");
const VERSION_PATH = path.join(root, "build", "version.txt");
const isDev = process.env.NODE_ENV === "development";
// Number of reverse proxies in front: only the entries they appended to X-Forwarded-For are trusted,
// so a client cannot choose its own address (which the login rate limit counts).
const trustedProxies = Number.parseInt(process.env.TRUST_PROXY ?? "0", 10) || 0;
const appUrl = process.env.APP_URL ?? "";
// The browser talks to LiveKit directly (WebSocket for signalling, HTTPS for its region checks).
const livekitOrigins = (() => {
  try {
    const u = new URL(process.env.LIVEKIT_URL ?? "");
    const http = u.protocol === "wss:" ? "https:" : "http:";
    return ` ${u.protocol}//${u.host} ${http}//${u.host}`;
  } catch {
    return "";
  }
})();

async function importBuild() {
  const stat = fs.statSync(BUILD_PATH);
  return import(`${url.pathToFileURL(BUILD_PATH).href}?t=${stat.mtimeMs}`);
}

let build = await importBuild();

// Background jobs (outbox delivery, reminders) live in the app build; restarted with each rebuild.
let jobs = null;
async function restartJobs() {
  await jobs?.stop();
  jobs = build.entry.module.startBackgroundJobs?.() ?? null;
}
await restartJobs();

const app = express();
app.disable("x-powered-by");
if (trustedProxies > 0) app.set("trust proxy", trustedProxies);
app.use(compression());
if (process.env.LOG_REQUESTS !== "0") app.use(morgan("tiny"));

// Security headers and the CSP nonce Remix puts on its inline scripts.
app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.set({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), payment=()",
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${res.locals.cspNonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      `connect-src 'self'${livekitOrigins}${isDev ? " ws: http://localhost:*" : ""}`,
      "media-src 'self' blob:",
      "worker-src 'self' blob:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  });
  next();
});

// Cross-site request forgery: refuse state-changing requests sent by another site's page.
app.use((req, res, next) => {
  const verdict = crossOriginVerdict({
    method: req.method,
    host: req.get("host") ?? "",
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    appUrl,
  });
  if (verdict === "allow") return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Requisição recusada: o formulário foi enviado por outro site (proteção contra CSRF).");
});

// Request bodies: forms are small. Oversized or unmeasured bodies are refused before anything reads
// them, and the connection is closed so the unread rest cannot be taken for the next request.
const MAX_BODY_BYTES = Number(process.env.MAX_BODY_BYTES ?? 1_000_000);
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const length = req.get("content-length");
  const refuse = (status, message) => {
    res.set("Connection", "close");
    res.status(status).type("text/plain; charset=utf-8").send(message);
  };
  if (length === undefined && req.get("transfer-encoding")) {
    return refuse(411, "Envio sem Content-Length não é aceito.");
  }
  if (Number(length ?? 0) > MAX_BODY_BYTES) {
    return refuse(413, `O envio passa do limite de ${Math.round(MAX_BODY_BYTES / 1_000_000)} MB.`);
  }
  next();
});

app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

function getLoadContext(req, res) {
  return { clientIp: req.ip ?? "desconhecido", cspNonce: res.locals.cspNonce };
}

if (isDev) {
  const chokidar = await import("chokidar");
  chokidar.watch(VERSION_PATH, { ignoreInitial: true }).on("all", async () => {
    build = await importBuild();
    await restartJobs();
    broadcastDevReady(build);
  });
  app.all("*", (req, res, next) =>
    createRequestHandler({ build, mode: "development", getLoadContext })(req, res, next),
  );
} else {
  app.all("*", createRequestHandler({ build, mode: build.mode, getLoadContext }));
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(`Apoia SUAS no ar em http://localhost:${actualPort}`);
  if (isDev) broadcastDevReady(build);
});

function shutdown() {
  void jobs?.stop();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
