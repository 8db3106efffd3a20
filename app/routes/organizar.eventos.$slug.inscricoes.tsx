import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";

import { FilterSelect } from "~/components/forms";
import { Pagination, withPage } from "~/components/pagination";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { text, z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import { canOnEvent } from "~/modules/events/permissions";
import { parseParticipantFilters, statusSlug } from "~/modules/registration/filters";
import { listParticipants } from "~/modules/registration/participants.server";
import { removeRegistration } from "~/modules/registration/registration.server";
import { REGISTRATION_STATUS_LABELS, REGISTRATION_STATUSES } from "~/modules/registration/rules";

const STATUS_OPTIONS = REGISTRATION_STATUSES.map((s) => ({ value: statusSlug(s), label: REGISTRATION_STATUS_LABELS[s] }));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Inscrições: ${data.event.title} — Apoia SUAS` : "Inscrições" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const parsed = parseParticipantFilters(new URL(request.url).searchParams);
  if (!parsed.ok) throw badRequest(parsed.message);
  const list = await listParticipants(actor, params.slug ?? "", parsed.filters, parsed.page);
  return json({
    event: { slug: list.event.slug, title: list.event.title },
    canRemove: canOnEvent(actor, "remove_registration", list.event),
    filters: { ...parsed.filters, status: parsed.filters.status ? statusSlug(parsed.filters.status) : undefined },
    page: parsed.page,
    pages: list.pages,
    total: list.total,
    counts: list.counts,
    ufs: list.ufs,
    municipios: list.municipios,
    rows: list.rows,
  });
});

const removeSchema = z.object({
  registrationId: z.string().min(1).max(40),
  reason: text("o motivo da remoção", { min: 5, max: 500 }),
});

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  const parsed = removeSchema.safeParse({ registrationId: form.get("registrationId") ?? "", reason: form.get("reason") ?? "" });
  if (!parsed.success) {
    return json({ error: parsed.error.issues[0]?.message ?? "Dados inválidos.", registrationId: String(form.get("registrationId") ?? "") }, { status: 400 });
  }
  await removeRegistration(actor, parsed.data.registrationId, parsed.data.reason);
  const url = new URL(request.url);
  return redirectWithFlash(`/organizar/eventos/${params.slug}/inscricoes${url.search}`, {
    kind: "info",
    message: "Inscrição removida. Se havia lista de espera, a próxima pessoa foi confirmada.",
  });
});

export default function Participants() {
  const { event, canRemove, filters, page, pages, total, counts, ufs, municipios, rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const csvHref = `/organizar/eventos/${event.slug}/inscricoes.csv${location.search}`;
  return (
    <>
      <p>
        <Link to={`/organizar/eventos/${event.slug}`}>‹ {event.title}</Link>
      </p>
      <h1>Inscrições</h1>
      <p>
        {REGISTRATION_STATUSES.map((s) => `${REGISTRATION_STATUS_LABELS[s]}: ${counts[s] ?? 0}`).join(" · ")}
      </p>
      <Form method="get" className="filters" aria-label="Filtrar inscrições">
        <div className="grid">
          <div className="field">
            <label htmlFor="p-q">Nome ou e-mail</label>
            <input id="p-q" name="q" type="search" defaultValue={filters.q ?? ""} />
          </div>
          <FilterSelect id="p-uf" name="uf" label="UF" value={filters.uf} options={ufs.map((u) => ({ value: u, label: u }))} all="Todas" />
          <FilterSelect id="p-mun" name="municipio" label="Município" value={filters.municipio} options={municipios.map((m) => ({ value: m.id, label: m.label }))} all="Todos" />
          <FilterSelect id="p-sit" name="situacao" label="Situação" value={filters.status && statusSlug(filters.status)} options={STATUS_OPTIONS} all="Todas" />
          <div className="button-row" style={{ margin: 0 }}>
            <button type="submit" className="button">
              Filtrar
            </button>
            <Link to={`/organizar/eventos/${event.slug}/inscricoes`}>Limpar</Link>
          </div>
        </div>
      </Form>
      <p>
        <a href={csvHref} className="button button-secondary" download>
          Baixar planilha (CSV)
        </a>
      </p>
      {actionData && "error" in actionData ? (
        <div className="notice notice-error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      <p role="status">{total === 1 ? "1 inscrição" : `${total} inscrições`} com esses filtros.</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Inscrições do evento</caption>
          <thead>
            <tr>
              <th scope="col">Participante</th>
              <th scope="col">Ente</th>
              <th scope="col">Situação</th>
              {canRemove ? <th scope="col">Remover</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.name}
                  <div className="small muted">
                    {r.email}
                    {r.cpf ? ` · CPF ${r.cpf}` : ""} · {r.roleInEnte}
                  </div>
                </td>
                <td>
                  {r.enteName}
                  {r.enteKind === "MUNICIPIO" ? ` (${r.uf})` : ""}
                  <div className="small muted">IBGE {r.enteId}</div>
                </td>
                <td>
                  {r.statusLabel}
                  {r.waitlistPosition ? <div className="small">Posição {r.waitlistPosition}</div> : null}
                  {r.removalReason ? <div className="small muted">Motivo: {r.removalReason}</div> : null}
                </td>
                {canRemove ? (
                  <td>
                    {r.status === "CONFIRMADA" || r.status === "ESPERA" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="registrationId" value={r.id} />
                        <label htmlFor={`motivo-${r.id}`} className="visually-hidden">
                          Motivo da remoção de {r.name}
                        </label>
                        <input id={`motivo-${r.id}`} name="reason" type="text" placeholder="Motivo" required minLength={5} maxLength={500} />
                        <button type="submit" className="button button-danger button-small">
                          Remover
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={(p) => withPage(location.search, p)} />
    </>
  );
}
