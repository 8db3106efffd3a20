// GET /painel/exportar?tabela=…&arquivo=csv|xlsx[&uf=BA][&filters] — a dashboard table as a
// streamed download, with the filters applied and written above it.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { EXPORT_FORMATS, exportResponse } from "~/lib/export.server";
import { badRequest, route } from "~/lib/http.server";
import { z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import { EXPORT_TABLES, metricsExport } from "~/modules/metrics/exports.server";
import { parseMetricsFilters, parsePriorityOptions } from "~/modules/metrics/filters";

const schema = z.object({
  tabela: z.enum(EXPORT_TABLES, { message: "Tabela desconhecida." }),
  arquivo: z.enum(EXPORT_FORMATS, { message: "Tipo de arquivo desconhecido: use csv ou xlsx." }),
});

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const params = new URL(request.url).searchParams;
  const parsed = schema.safeParse({ tabela: params.get("tabela") || undefined, arquivo: params.get("arquivo") || undefined });
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? "Pedido inválido.");
  const filters = parseMetricsFilters(params);
  if (!filters.ok) throw badRequest(filters.message);
  const priorities = parsePriorityOptions(params);
  if (!priorities.ok) throw badRequest(priorities.message);
  const table = await metricsExport(actor, parsed.data.tabela, filters.filters, { uf: priorities.options.uf, priorities: priorities.options });
  return exportResponse(table, parsed.data.arquivo);
});
