// GET /organizar/eventos/:slug/presenca — online attendance per person and session (from the
// presence intervals), with the CSV export.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { attendanceTable } from "~/modules/attendance/attendance.server";

export const meta: MetaFunction = () => [{ title: "Presença online — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  return json(await attendanceTable(actor, params.slug ?? ""), { headers: { "Cache-Control": "no-store" } });
});

const pct = (share: number) => `${Math.round(share * 100)}%`;

export default function Attendance() {
  const { event, sessions, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/organizar/eventos/${event.slug}`}>‹ {event.title}</Link>
      </p>
      <h1>Presença online</h1>
      <p className="muted">
        Minutos conectados à sala de cada sessão, dentro do horário previsto, e a parte do horário que isso representa.
        Reconexões e abas repetidas contam uma vez.
      </p>
      <p>
        <a href={`/organizar/eventos/${event.slug}/presenca.csv`} className="button button-secondary" download>
          Baixar planilha (CSV)
        </a>
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Presença por pessoa e sessão</caption>
          <thead>
            <tr>
              <th scope="col">Participante</th>
              {sessions.map((s) => (
                <th scope="col" key={s.id}>
                  {s.title}
                  <div className="small muted">{s.range}</div>
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.registrationId}>
                <th scope="row" style={{ fontWeight: 400 }}>
                  {r.name}
                  <div className="small muted">
                    {r.ente}
                    {r.status !== "CONFIRMADA" ? ` · ${r.statusLabel}` : ""}
                  </div>
                </th>
                {r.cells.map((c, i) => (
                  <td key={sessions[i]!.id}>
                    {c.minutes.toLocaleString("pt-BR")} min · {pct(c.share)}
                    {c.connected ? <div className="small">conectado(a) agora</div> : null}
                  </td>
                ))}
                <td>
                  {r.minutes.toLocaleString("pt-BR")} min · {pct(r.share)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
