import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { myRegistrations } from "~/modules/events/catalog.server";
import { presentCard } from "~/modules/events/presenters";
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from "~/modules/registration/rules";

export const meta: MetaFunction = () => [{ title: "Minhas inscrições — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const { upcoming, past } = await myRegistrations(actor.userId);
  const present = (r: (typeof upcoming)[number]) => ({
    id: r.id,
    status: r.status as RegistrationStatus,
    statusLabel: REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus] ?? r.status,
    waitlistPosition: r.waitlistPosition,
    event: presentCard(r.event),
  });
  return json({ upcoming: upcoming.map(present), past: past.map(present) });
});

type Item = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function statusClass(status: string) {
  return status === "CONFIRMADA" ? "tag-green" : status === "ESPERA" ? "tag-yellow" : "tag-red";
}

function RegistrationTable({ items, caption }: { items: Item[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Evento</th>
            <th scope="col">Quando</th>
            <th scope="col">Onde</th>
            <th scope="col">Situação</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/eventos/${r.event.slug}`}>{r.event.title}</Link>
                <div className="small muted">
                  {r.event.typeLabel} · {r.event.organizer}
                </div>
                <div className="small">
                  <Link to={`/minhas-inscricoes/${r.event.slug}`}>
                    {r.status === "CONFIRMADA" && r.event.where !== "Online" ? "Crachá, presença e certificado" : "Presença e certificado"}
                    <span className="visually-hidden"> de {r.event.title}</span>
                  </Link>
                </div>
              </td>
              <td>
                {r.event.when}
                <div className="small muted">{r.event.zone}</div>
              </td>
              <td>{r.event.where}</td>
              <td>
                <span className={`tag ${statusClass(r.status)}`}>{r.statusLabel}</span>
                {r.waitlistPosition ? <div className="small">Posição {r.waitlistPosition}</div> : null}
                {r.event.status === "CANCELADO" ? <div className="small">Evento cancelado</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function MyRegistrations() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Minhas inscrições</h1>
      <p>
        Seus certificados ficam em <Link to="/meus-certificados">Meus certificados</Link>.
      </p>
      <h2>Próximos eventos</h2>
      {upcoming.length ? (
        <RegistrationTable items={upcoming} caption="Inscrições em eventos que ainda vão acontecer" />
      ) : (
        <p>
          Você não tem inscrições em eventos futuros. <Link to="/eventos">Ver a agenda</Link>
        </p>
      )}
      <h2>Eventos passados</h2>
      {past.length ? <RegistrationTable items={past} caption="Inscrições em eventos já realizados" /> : <p>Nenhum evento passado.</p>}
    </>
  );
}
