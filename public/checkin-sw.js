// Service worker of the on-site check-in page (/organizar/eventos/:slug/checkin/:sessionId), so the
// page opens on a phone without a connection. Registered by that page only, with the scope of its
// event's check-in pages. What it keeps:
// - the check-in page's HTML: network first, the last copy when offline;
// - the compiled assets under /build/ (their names carry a content hash): cache first;
// - the manifest and icons of the installed app (cache first: they change with this worker's version).
// Everything else (the scans sent, the counters, other pages) goes to the network untouched.
// Scans never depend on this worker: the page keeps them in IndexedDB until the server answers.
/* global self, caches */

const VERSION = "v1";
const PAGES = `apoia-checkin-paginas-${VERSION}`;
const ASSETS = `apoia-checkin-arquivos-${VERSION}`;
const SHELL = ["/checkin-icon.svg", "/checkin-icon-192.png", "/checkin-icon-512.png", "/checkin-icon-maskable.png"];
const CHECKIN_PAGE = /^\/organizar\/eventos\/[^/]+\/checkin\/[^/]+\/?$/;
const CHECKIN_MANIFEST = /^\/organizar\/eventos\/[^/]+\/checkin\/[^/]+\/app\.webmanifest$/;

const OFFLINE_PAGE = `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sem conexão — Apoia SUAS</title></head><body style="font-family:system-ui,sans-serif;padding:1rem;max-width:40rem">
<h1>Sem conexão</h1><p>Esta página de check-in ainda não foi aberta neste aparelho com conexão, por isso não está guardada aqui.
Abra-a uma vez com internet para usá-la depois sem conexão.</p></body></html>`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll(SHELL))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PAGES, ASSETS]);
      for (const name of await caches.keys()) if (name.startsWith("apoia-checkin-") && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && CHECKIN_PAGE.test(url.pathname)) {
    event.respondWith(networkFirst(request, pageKey(url)));
  } else if (url.pathname.startsWith("/build/") || SHELL.includes(url.pathname) || CHECKIN_MANIFEST.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

// The page asks, once it has loaded, to keep itself and the assets it uses (the first visit is not
// yet controlled by this worker, so nothing went through it).
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "guardar" || !Array.isArray(data.urls)) return;
  const port = event.ports && event.ports[0];
  event.waitUntil(
    keep(data.urls).then(
      ({ kept, missed }) => port && port.postMessage({ ok: missed === 0, kept, missed }),
      (error) => port && port.postMessage({ ok: false, message: String(error) }),
    ),
  );
});

function pageKey(url) {
  return `${url.origin}${url.pathname.replace(/\/$/, "")}`;
}

function storable(response) {
  return response && response.ok && response.type === "basic" && !response.redirected;
}

// A venue's Wi-Fi may accept the connection and never answer: after a few seconds the kept copy is
// shown, and the network's answer, if it comes, still refreshes the copy for next time.
const SLOW_NETWORK_MS = 5_000;

async function networkFirst(request, key) {
  const cache = await caches.open(PAGES);
  const network = fetch(request).then(async (response) => {
    if (storable(response)) await cache.put(key, response.clone());
    return response;
  });
  network.catch(() => undefined);
  const cached = await cache.match(key);
  if (!cached) {
    return network.catch(
      () => new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } }),
    );
  }
  const slow = new Promise((resolve) => setTimeout(() => resolve(null), SLOW_NETWORK_MS));
  try {
    return (await Promise.race([network, slow])) || cached;
  } catch {
    return cached;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  if (storable(response)) await cache.put(request.url, response.clone());
  return response;
}

async function keep(urls) {
  const pages = await caches.open(PAGES);
  const assets = await caches.open(ASSETS);
  let kept = 0;
  let missed = 0;
  for (const raw of urls.slice(0, 300)) {
    let url;
    try {
      url = new URL(raw, self.location.origin);
    } catch {
      continue;
    }
    if (url.origin !== self.location.origin) continue;
    if (CHECKIN_PAGE.test(url.pathname)) {
      const response = await fetch(url.pathname, { credentials: "same-origin", cache: "no-store" }).catch(() => null);
      if (storable(response)) {
        await pages.put(pageKey(url), response);
        kept++;
      } else missed++;
    } else if (url.pathname.startsWith("/build/") || CHECKIN_MANIFEST.test(url.pathname)) {
      if (await assets.match(url.href)) {
        kept++;
        continue;
      }
      const response = await fetch(url.href, { credentials: "same-origin" }).catch(() => null);
      if (storable(response)) {
        await assets.put(url.href, response);
        kept++;
      } else missed++;
    }
  }
  return { kept, missed };
}
