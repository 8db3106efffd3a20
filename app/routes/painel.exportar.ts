// GET /painel/exportar?tabela=…&arquivo=csv|xlsx[&uf=BA | &ente=2927408][&filters] — a dashboard
// table as a streamed download, with the filters applied and written above it. An ente's history is
// public like its page; every other table asks for a signed-in team.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { EXPORT_FORMATS, exportResponse } from "~/lib/export.server";
import { badRequest, route } from "~/lib/http.server";
import { z } from "~/lib/zod";
import { getActor, requireActor } from "~/modules/auth/session.server";
import { enteExport, EXPORT_TABLES, metricsExport } from "~/modules/metrics/exports.server";
import { parseMetricsFilters, parsePriorityOptions } from "~/modules/metrics/filters";

const schema = z.object({
  tabela: z.enum(EXPORT_TABLES, { message: "Tabela desconhecida." }),
  arquivo: z.enum(EXPORT_FORMATS, { message: "Tipo de arquivo desconhecido: use csv ou xlsx." }),
  ente: z
    .string()
    .regex(/^(\d{2}|\d{7})$/, "Código IBGE inválido: são 2 dígitos para uma UF ou 7 para um município.")
    .optional(),
});

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const params = new URL(request.url).searchParams;
  const parsed = schema.safeParse({ tabela: params.get("tabela") || undefined, arquivo: params.get("arquivo") || undefined, ente: params.get("ente") || undefined });
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? "Pedido inválido.");
  const { tabela, arquivo, ente } = parsed.data;
  const filters = parseMetricsFilters(params);
  if (!filters.ok) throw badRequest(filters.message);
  if (!ente && (tabela === "historico" || tabela === "pessoas")) throw badRequest("Informe o ente (ente=código IBGE) desta tabela.");
  if (ente) {
    const actor = tabela === "historico" ? await getActor(request) : await requireActor(request);
    return exportResponse(await enteExport(actor, tabela, ente, filters.filters), arquivo);
  }
  const actor = await requireActor(request);
  const priorities = parsePriorityOptions(params);
  if (!priorities.ok) throw badRequest(priorities.message);
  const table = await metricsExport(actor, tabela, filters.filters, { uf: priorities.options.uf, priorities: priorities.options });
  return exportResponse(table, arquivo);
});
