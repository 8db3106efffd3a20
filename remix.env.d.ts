/// <reference types="@remix-run/dev" />

import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** the client's address (scripts/serve.js; behind a proxy only with TRUST_PROXY=1) */
    clientIp?: string;
    /** nonce for the Content-Security-Policy */
    cspNonce?: string;
  }
}
