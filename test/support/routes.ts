// Calling a route module's loader or action directly, as Remix would: a Request, the URL params
// and the load context the express server gives (scripts/serve.js). Thrown responses (redirects,
// domain errors turned into JSON by route()) are caught and returned with `thrown: true`.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;

export type RouteCall = {
  method?: "GET" | "POST";
  params?: Record<string, string>;
  /** the `Cookie` request header, e.g. from sessionFactory() */
  cookie?: string;
  /** sent as application/x-www-form-urlencoded */
  form?: Record<string, string> | [string, string][];
  headers?: Record<string, string>;
  body?: BodyInit;
};

export type RouteResult = { response: Response; thrown: boolean };

export async function callRoute(handler: unknown, path: string, call: RouteCall = {}): Promise<RouteResult> {
  const headers = new Headers(call.headers);
  if (call.cookie) headers.set("Cookie", call.cookie);
  let body = call.body;
  if (call.form) {
    body = new URLSearchParams(call.form).toString();
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const method = call.method ?? (body != null ? "POST" : "GET");
  const request = new Request(`http://localhost${path}`, { method, headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) });
  try {
    const result = await (handler as Handler)({ request, params: call.params ?? {}, context: { clientIp: "127.0.0.1" } });
    if (!(result instanceof Response)) throw new Error(`the route returned ${typeof result}, not a Response`);
    return { response: result, thrown: false };
  } catch (error) {
    if (error instanceof Response) return { response: error, thrown: true };
    throw error;
  }
}

/** The JSON body of a response (domain errors carry `{ message }`, conform replies `{ error }`). */
export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  expectJson(response);
  return (await response.json()) as T;
}

function expectJson(response: Response) {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("application/json")) throw new Error(`expected JSON, got ${type || "no content type"} (status ${response.status})`);
}
