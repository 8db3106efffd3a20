// Every dashboard table as a download (CSV or XLSX) with the filters applied, written above the
// table. Permissions are those of the dashboard the table comes from.
import type { Column, ExportCell, TableExport } from "~/lib/export.server";
import { forbidden, notFound } from "~/lib/http.server";
import { toLocalParts } from "~/lib/time";
import type { Actor } from "~/modules/auth/actor";
import { PORTE_SHORT_LABELS, ufWith, type Porte } from "~/modules/entes/federation";
import { EVENT_TYPE_LABELS, FORMAT_LABELS, label, SCOPE_LABELS } from "~/modules/events/vocabulary";

import { monthOf, periodLabel, type MetricsFilters } from "./filters";
import type { PriorityOptions } from "./filters";
import { entePage, nationalDashboard, priorityList, stateDashboard, type Coverage, type Measures } from "./metrics.server";

export const EXPORT_TABLES = ["ufs", "regioes", "portes", "tipos", "meses", "municipios", "organizadores", "prioridades", "historico", "pessoas"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const pct = (share: number | null) => (share == null ? null : Math.round(share * 1000) / 10);

const MEASURE_COLUMNS: Column[] = [
  { header: "Eventos", numeric: true },
  { header: "Inscrições confirmadas", numeric: true },
  { header: "Presentes", numeric: true },
  { header: "Taxa de presença (%)", numeric: true },
  { header: "Horas certificadas", numeric: true },
  { header: "Pessoas alcançadas", numeric: true },
];
const COVERAGE_COLUMNS: Column[] = [
  { header: "Municípios com presença", numeric: true },
  { header: "Municípios", numeric: true },
  { header: "Cobertura (%)", numeric: true },
];

const measureCells = (m: Measures): ExportCell[] => [m.events, m.registrations, m.present, pct(m.attendanceRate), m.hours, m.people];
const coverageCells = (c: Coverage): ExportCell[] => [c.covered, c.total, pct(c.share)];

function filterNotes(f: MetricsFilters, scope: string): string[] {
  const parts = [
    f.type ? `tipo: ${label(EVENT_TYPE_LABELS, f.type)}` : null,
    f.format ? `formato: ${label(FORMAT_LABELS, f.format)}` : null,
    f.scope ? `abrangência: ${label(SCOPE_LABELS, f.scope)}` : null,
    f.organizer ? `organizador: ${f.organizer === "UNIAO" ? "União" : "estados"}` : null,
  ].filter(Boolean);
  return [`Apoia SUAS — participação: ${scope}`, `Período: ${periodLabel(f)}${parts.length ? `; ${parts.join("; ")}` : ""}`];
}

export async function metricsExport(
  actor: Actor,
  table: ExportTable,
  f: MetricsFilters,
  opts: { uf?: string; priorities?: PriorityOptions } = {},
): Promise<TableExport> {
  const base = `participacao-${table}-${f.from}-a-${f.to}`;
  if (table === "prioridades") {
    const p = await priorityList(actor, opts.priorities ?? { months: 12, sort: "porte", uf: opts.uf });
    return {
      filename: `prioridades-${p.uf?.uf ?? "brasil"}-${monthOf(new Date())}`,
      sheet: "Prioridades",
      notes: [
        `Apoia SUAS — municípios sem participação ${p.uf ? ufWith("em", p.uf.uf, p.uf.name) : "no Brasil"} nos últimos ${opts.priorities?.months ?? 12} meses` +
          (opts.priorities?.minHours ? ` ou com menos de ${opts.priorities.minHours} horas certificadas` : ""),
      ],
      columns: [
        { header: "Código IBGE" },
        { header: "Município" },
        { header: "UF" },
        { header: "Região" },
        { header: "Porte" },
        { header: "População (Censo 2022)", numeric: true },
        { header: "Última participação" },
        { header: "Horas certificadas no período", numeric: true },
      ],
      rows: p.items.map((m) => [
        m.id,
        m.name,
        m.uf,
        m.region,
        m.porte ? PORTE_SHORT_LABELS[m.porte] : "",
        m.population,
        m.lastParticipation ? m.lastParticipation.toISOString().slice(0, 10) : "nunca",
        m.recentHours,
      ]),
    };
  }
  if (opts.uf) {
    const d = await stateDashboard(actor, opts.uf, f);
    const notes = filterNotes(f, d.uf.name);
    switch (table) {
      case "municipios":
        return {
          filename: `${base}-${d.uf.uf}`,
          sheet: "Municípios",
          notes,
          columns: [{ header: "Código IBGE" }, { header: "Município" }, { header: "Porte" }, { header: "População (Censo 2022)", numeric: true }, ...MEASURE_COLUMNS],
          rows: d.municipios.map((m) => [m.id, m.name, m.porte ? PORTE_SHORT_LABELS[m.porte] : "", m.population, ...measureCells(m)]),
        };
      case "organizadores":
        return {
          filename: `${base}-${d.uf.uf}`,
          sheet: "Organizadores",
          notes,
          columns: [{ header: "Organizador" }, { header: "Eventos oferecidos", numeric: true }, ...MEASURE_COLUMNS],
          rows: d.organizers.map((o) => [o.kind === "UF" ? `${d.uf.name} (eventos do estado)` : "União (eventos federais)", o.offered, ...measureCells(o)]),
        };
      case "portes":
        return porteTable(`${base}-${d.uf.uf}`, notes, d.porte);
      case "tipos":
        return typeTable(`${base}-${d.uf.uf}`, notes, d.types);
      case "meses":
        return monthTable(`${base}-${d.uf.uf}`, notes, d.series);
      default:
        throw notFound("Esta tabela não existe no painel do estado.");
    }
  }
  const d = await nationalDashboard(actor, f);
  const notes = filterNotes(f, "Brasil");
  switch (table) {
    case "ufs":
      return {
        filename: base,
        sheet: "UFs",
        notes,
        columns: [{ header: "UF" }, { header: "Nome" }, { header: "Região" }, ...MEASURE_COLUMNS, ...COVERAGE_COLUMNS],
        rows: d.ufs.map((u) => [u.uf, u.name, u.region, ...measureCells(u), ...coverageCells(u.coverage)]),
      };
    case "regioes":
      return {
        filename: base,
        sheet: "Regiões",
        notes,
        columns: [{ header: "Região" }, ...MEASURE_COLUMNS, ...COVERAGE_COLUMNS],
        rows: d.regions.map((r) => [r.region, ...measureCells(r), ...coverageCells(r.coverage)]),
      };
    case "portes":
      return porteTable(base, notes, d.porte);
    case "tipos":
      return typeTable(base, notes, d.types);
    case "meses":
      return monthTable(base, notes, d.series);
    default:
      throw notFound("Esta tabela não existe no painel nacional.");
  }
}

function porteTable(filename: string, notes: string[], rows: (Coverage & { porte: Porte })[]): TableExport {
  return {
    filename,
    sheet: "Portes",
    notes,
    columns: [{ header: "Porte" }, ...COVERAGE_COLUMNS],
    rows: rows.map((p) => [PORTE_SHORT_LABELS[p.porte], ...coverageCells(p)]),
  };
}

function typeTable(filename: string, notes: string[], rows: (Measures & { type: string })[]): TableExport {
  return {
    filename,
    sheet: "Tipos de evento",
    notes,
    columns: [{ header: "Tipo de evento" }, ...MEASURE_COLUMNS],
    rows: rows.map((t) => [label(EVENT_TYPE_LABELS, t.type), ...measureCells(t)]),
  };
}

function monthTable(filename: string, notes: string[], s: { months: string[]; registrations: number[]; present: number[]; hours: number[] }): TableExport {
  return {
    filename,
    sheet: "Meses",
    notes,
    columns: [{ header: "Mês" }, { header: "Inscrições confirmadas", numeric: true }, { header: "Presentes", numeric: true }, { header: "Horas certificadas", numeric: true }],
    rows: s.months.map((m, i) => [m, s.registrations[i], s.present[i], s.hours[i]]),
  };
}

/**
 * The tables of an ente's page: its history (public, like the page) and the people behind it (only
 * for the teams that may see their names). Every row, not only those the page shows.
 */
export async function enteExport(actor: Actor | null, table: ExportTable, code: string, f: MetricsFilters): Promise<TableExport> {
  if (table !== "historico" && table !== "pessoas") throw notFound("Esta tabela não existe na página do ente.");
  const d = await entePage(actor, code, f, { full: true });
  const notes = filterNotes(f, d.ente.kind === "UF" ? d.ente.name : `${d.ente.name} (${d.ente.uf})`);
  const filename = `participacao-${table}-${d.ente.id}-${f.from}-a-${f.to}`;
  if (table === "historico") {
    return {
      filename,
      sheet: "Histórico",
      notes,
      columns: [
        { header: "Evento" },
        { header: "Tipo" },
        { header: "Data (no fuso do evento)" },
        { header: "Organizador" },
        { header: "Inscrições confirmadas", numeric: true },
        { header: "Presentes", numeric: true },
        { header: "Horas certificadas", numeric: true },
      ],
      rows: d.history.map((h) => [h.title, label(EVENT_TYPE_LABELS, h.type), h.startsAt ? toLocalParts(h.startsAt, h.timeZone).date : "", h.organizer?.name ?? "", h.registrations, h.present, h.hours]),
    };
  }
  if (!d.people) throw forbidden(`Os nomes de quem participou são só das equipes que acompanham ${d.ente.kind === "UF" ? d.ente.name : d.ente.uf}.`);
  return {
    filename,
    sheet: "Pessoas",
    notes,
    columns: [{ header: "Nome" }, { header: "Inscrições confirmadas", numeric: true }, { header: "Presenças", numeric: true }, { header: "Horas certificadas", numeric: true }],
    rows: d.people.map((p) => [p.name, p.registrations, p.present, p.hours]),
  };
}
