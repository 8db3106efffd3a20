// GET /organizar/eventos/:slug/salas/:sessionId — who is in the room now (from the LiveKit server),
// with the organizers' controls: mute, remove, end the session for everyone.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, notFound, route } from "~/lib/http.server";
import { formatTime } from "~/lib/time";
import { z } from "~/lib/zod";
import { requireActor } from "~/modules/auth/session.server";
import { attendanceTable } from "~/modules/attendance/attendance.server";
import { canOnEvent } from "~/modules/events/permissions";
import { requireEventFor } from "~/modules/events/events.server";
import { ROOM_ROLE_LABELS, type RoomRole } from "~/modules/rooms/policy";
import { allowBack, endRoom, isRoomClosed, liveParticipants, muteParticipant, removedFrom, removeParticipant, reopenRoom } from "~/modules/rooms/rooms.server";

export const meta: MetaFunction = () => [{ title: "Quem está na sala — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const event = await requireEventFor(actor, params.slug ?? "", "see_participants");
  const table = await attendanceTable(actor, event.slug);
  const index = table.sessions.findIndex((s) => s.id === params.sessionId);
  if (index < 0) throw notFound("Sessão não encontrada neste evento.");
  const session = table.sessions[index]!;
  const [people, removed, closed] = await Promise.all([liveParticipants(actor, session.id), removedFrom(session.id), isRoomClosed(session.id)]);
  return json(
    {
      event: table.event,
      session,
      canControl: canOnEvent(actor, "edit", event),
      closed,
      removed: removed.map((r) => ({ identity: r.identity, name: r.name, at: formatTime(r.removedAt, "America/Sao_Paulo") })),
      people: people.map((p) => ({
        ...p,
        roleLabel: ROOM_ROLE_LABELS[p.role as RoomRole] ?? "",
        since: formatTime(new Date(p.joinedAt), "America/Sao_Paulo"),
      })),
      attendance: table.rows
        .map((r) => ({ name: r.name, ente: r.ente, ...r.cells[index]! }))
        .filter((r) => r.minutes > 0 || r.connected),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

const identitySchema = z.string().min(3).max(80);

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const slug = params.slug ?? "";
  const sessionId = params.sessionId ?? "";
  const event = await requireEventFor(actor, slug, "edit");
  const form = await readFormData(request);
  const back = `/organizar/eventos/${event.slug}/salas/${sessionId}`;
  const identity = () => {
    const r = identitySchema.safeParse(form.get("identity"));
    if (!r.success) throw badRequest("Participante inválido.");
    return r.data;
  };
  switch (intentOf(form)) {
    case "mutar":
      await muteParticipant(actor, sessionId, identity());
      return redirectWithFlash(back, { kind: "info", message: "Microfone desligado." });
    case "remover":
      await removeParticipant(actor, sessionId, identity());
      return redirectWithFlash(back, { kind: "info", message: "Pessoa retirada da sala." });
    case "encerrar":
      await endRoom(actor, sessionId);
      return redirectWithFlash(back, { kind: "info", message: "Sessão encerrada para todos. A sala fica fechada até você reabri-la." });
    case "reabrir":
      await reopenRoom(actor, sessionId);
      return redirectWithFlash(back, { kind: "success", message: "Sala reaberta." });
    case "permitir":
      await allowBack(actor, sessionId, identity());
      return redirectWithFlash(back, { kind: "success", message: "A pessoa pode voltar à sala." });
    default:
      throw badRequest("Ação desconhecida.");
  }
});

export default function LiveRoom() {
  const { event, session, canControl, people, attendance, removed, closed } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 5_000);
    return () => clearInterval(timer);
  }, [revalidator]);
  return (
    <>
      <p>
        <Link to={`/organizar/eventos/${event.slug}`}>‹ {event.title}</Link>
      </p>
      <h1>Quem está na sala: {session.title}</h1>
      <p className="muted">
        {session.range}. A lista se atualiza a cada 5 segundos (sem JavaScript, recarregue a página).
      </p>
      <p role="status" aria-live="polite">
        {people.length === 1 ? "1 pessoa na sala agora." : `${people.length} pessoas na sala agora.`}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Pessoas conectadas</caption>
          <thead>
            <tr>
              <th scope="col">Pessoa</th>
              <th scope="col">Desde</th>
              <th scope="col">Microfone / câmera</th>
              {canControl ? <th scope="col">Ações</th> : null}
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.identity}>
                <td>
                  {p.name}
                  {p.roleLabel ? <div className="small muted">{p.roleLabel}</div> : null}
                </td>
                <td>{p.since}</td>
                <td>
                  {p.microphoneOn ? "microfone ligado" : "microfone desligado"} · {p.cameraOn ? "câmera ligada" : "câmera desligada"}
                </td>
                {canControl ? (
                  <td>
                    <div className="button-row" style={{ margin: 0 }}>
                      <Form method="post">
                        <input type="hidden" name="identity" value={p.identity} />
                        <button type="submit" name="intent" value="mutar" className="button button-secondary button-small" disabled={!p.microphoneOn}>
                          Desligar microfone<span className="visually-hidden"> de {p.name}</span>
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="identity" value={p.identity} />
                        <button type="submit" name="intent" value="remover" className="button button-danger button-small">
                          Retirar da sala<span className="visually-hidden"> {p.name}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {closed ? <p className="notice notice-warning">A organização encerrou esta sessão: a sala está fechada para os participantes.</p> : null}
      {canControl ? (
        <Form method="post" className="button-row">
          {closed ? (
            <button type="submit" name="intent" value="reabrir" className="button">
              Reabrir a sala
            </button>
          ) : (
            <button type="submit" name="intent" value="encerrar" className="button button-danger">
              Encerrar a sessão para todos
            </button>
          )}
        </Form>
      ) : null}
      {removed.length ? (
        <>
          <h2>Retirados da sala</h2>
          <ul>
            {removed.map((r) => (
              <li key={r.identity}>
                {r.name} <span className="muted">(às {r.at})</span>{" "}
                {canControl ? (
                  <Form method="post" style={{ display: "inline" }}>
                    <input type="hidden" name="identity" value={r.identity} />
                    <button type="submit" name="intent" value="permitir" className="button-link">
                      Permitir que volte<span className="visually-hidden">: {r.name}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Presença nesta sessão até agora</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Participante</th>
              <th scope="col">Minutos</th>
              <th scope="col">% do horário</th>
            </tr>
          </thead>
          <tbody>
            {attendance.map((a) => (
              <tr key={`${a.name}-${a.ente}`}>
                <td>
                  {a.name}
                  <div className="small muted">
                    {a.ente}
                    {a.connected ? " · conectado(a)" : ""}
                  </div>
                </td>
                <td>{a.minutes.toLocaleString("pt-BR")}</td>
                <td>{Math.round(a.share * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
