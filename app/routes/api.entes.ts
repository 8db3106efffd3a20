// GET /api/entes?q=salvador&tipos=MUNICIPIO&uf=BA — suggestions for the ente picker.
import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { route } from "~/lib/http.server";
import { ufAbbrValue } from "~/lib/url-values";
import { z } from "~/lib/zod";
import { searchEntes } from "~/modules/entes/entes.server";
import { ENTE_KINDS } from "~/modules/entes/federation";

const querySchema = z.object({
  q: z.string().trim().max(120).default(""),
  tipos: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",") : undefined))
    .pipe(z.array(z.enum(ENTE_KINDS)).optional()),
  uf: ufAbbrValue().optional(),
});

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const params = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const entes = params.q.length < 2 ? [] : await searchEntes({ q: params.q, kinds: params.tipos, uf: params.uf, limit: 12 });
  return json(
    { entes: entes.map((e) => ({ id: e.id, label: e.label, kind: e.kind })) },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
});
