import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { route } from "~/lib/http.server";
import { isFederalOrganizer } from "~/modules/auth/actor";
import { requireActor } from "~/modules/auth/session.server";
import { organizerEvents } from "~/modules/events/catalog.server";
import { assertOrganizer } from "~/modules/events/organizer.server";
import { presentCard } from "~/modules/events/presenters";

export const meta: MetaFunction = () => [{ title: "Organizar eventos — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  assertOrganizer(actor);
  const federal = isFederalOrganizer(actor);
  const events = await organizerEvents(actor, { include: federal ? "federation" : "mine" });
  const mine = new Set(actor.organizerOf.map((e) => e.id));
  const present = (e: (typeof events)[number]) => ({ ...presentCard(e), confirmed: e.confirmed, waiting: e.waiting, capacity: e.capacity });
  return json({
    organizes: actor.organizerOf.map((e) => e.name),
    federal,
    mine: events.filter((e) => mine.has(e.organizerEnte.id)).map(present),
    others: events.filter((e) => !mine.has(e.organizerEnte.id)).map(present),
  });
});

type Row = ReturnType<typeof useLoaderData<typeof loader>>["mine"][number];

function EventsTable({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Evento</th>
            <th scope="col">Quando</th>
            <th scope="col">Situação</th>
            <th scope="col">Inscrições</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.slug}>
              <td>
                <Link to={`/organizar/eventos/${e.slug}`}>{e.title}</Link>
                <div className="small muted">
                  {e.typeLabel} · {e.formatLabel} · {e.organizer}
                </div>
              </td>
              <td>
                {e.when}
                <div className="small muted">{e.zone}</div>
              </td>
              <td>{e.statusLabel}</td>
              <td>
                {e.confirmed}
                {e.capacity != null ? ` de ${e.capacity}` : ""} confirmadas
                {e.waiting ? <div className="small">{e.waiting} em espera</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function OrganizerHome() {
  const { organizes, federal, mine, others } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Organizar eventos</h1>
      <p className="muted">Você organiza eventos por: {organizes.join(", ")}.</p>
      <p>
        <Link to="/organizar/eventos/novo" className="button">
          Criar evento
        </Link>
      </p>
      <h2>Eventos da sua equipe</h2>
      {mine.length ? <EventsTable rows={mine} caption="Eventos organizados pela sua equipe" /> : <p>Nenhum evento ainda.</p>}
      {federal ? (
        <>
          <h2>Eventos dos estados</h2>
          <p className="muted">Acompanhamento: a equipe federal vê as inscrições de todos os eventos publicados.</p>
          {others.length ? <EventsTable rows={others} caption="Eventos publicados pelas equipes estaduais" /> : <p>Nenhum evento estadual publicado.</p>}
        </>
      ) : null}
    </>
  );
}
