// GET /minhas-inscricoes/:slug — one of my registrations: the check-in QR (crachá, printable) for
// on-site events, my presence per session with why I do or do not qualify, and my certificate.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { myRecord } from "~/modules/attendance/my-record.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Inscrição"} — minha inscrição — Apoia SUAS` }];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  return json({ ...(await myRecord(actor, params.slug ?? "")), personName: actor.name }, { headers: { "Cache-Control": "private, no-store" } });
});

export default function MyRegistration() {
  const { event, registration, badge, rule, presence, certificate, personName } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to="/minhas-inscricoes">‹ Minhas inscrições</Link>
      </p>
      <h1>{event.title}</h1>
      <p>
        {event.typeLabel} · {event.organizer}
        <br />
        {event.when} <span className="muted">({event.zone})</span> · {event.where}
      </p>
      <p>
        Sua inscrição: <strong>{registration.statusLabel}</strong>
        {event.cancelled ? " · evento cancelado" : ""} · <Link to={`/eventos/${event.slug}`}>página do evento</Link>
      </p>

      {badge ? (
        <section aria-labelledby="cracha">
          <h2 id="cracha">Crachá para o check-in</h2>
          <p className="no-print">Na entrada, mostre este QR code à equipe do evento, no celular ou impresso. Ele vale só para você e só neste evento.</p>
          <div className="badge-card">
            <img src={badge.image} alt={`QR code do crachá de ${personName}`} width={256} height={256} />
            <p className="badge-name">{personName}</p>
            <p className="small">{event.title}</p>
            <p className="badge-code small">
              <span className="visually-hidden">Código do crachá, para digitar se a câmera não ler o QR: </span>
              <span data-testid="codigo-cracha">{badge.code}</span>
            </p>
          </div>
          <p className="no-print">
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              Imprimir o crachá
            </button>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="presenca" className="no-print">
        <h2 id="presenca">Minha presença</h2>
        <p>
          Regra do certificado: presença em ao menos <strong>{rule.threshold}%</strong> do horário{" "}
          {rule.scope === "PERIODO" ? "em cada dia do evento" : "do evento"}.{" "}
          {rule.hours === "INTEGRAL"
            ? `Quem atinge o mínimo recebe a carga horária do evento (${rule.workload}).`
            : `O certificado traz as horas em que você esteve presente, até ${rule.workload}.`}{" "}
          Conta a presença online (na sala da sessão) e a presencial (do check-in à saída, ou ao fim da sessão), sem contar duas vezes o mesmo minuto.
        </p>
        {presence ? (
          <>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Minha presença por sessão</caption>
                <thead>
                  <tr>
                    <th scope="col">Sessão</th>
                    <th scope="col">Online</th>
                    <th scope="col">Presencial</th>
                    <th scope="col">Presença contada</th>
                  </tr>
                </thead>
                <tbody>
                  {presence.sessions.map((s) => (
                    <tr key={s.id}>
                      <th scope="row" style={{ fontWeight: 400 }}>
                        {s.title}
                        <div className="small muted">{s.range}</div>
                      </th>
                      <td>{s.future ? "—" : `${s.online} min`}</td>
                      <td>{s.future ? "—" : `${s.onsite} min`}</td>
                      <td>
                        {s.future ? (
                          "ainda não começou"
                        ) : (
                          <>
                            {s.minutes} de {s.scheduled} min ({s.percent}%){s.adjusted ? <div className="small">ajustada pela organização</div> : null}
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className={`verify-result ${presence.qualifies ? "valid" : presence.ended ? "invalid" : ""}`} role="status">
              {presence.explanation.map((line, i) => (
                <p key={i} style={{ margin: "0.25rem 0" }}>
                  {line}
                </p>
              ))}
              {!presence.ended ? <p className="small">O evento ainda não terminou: a sua presença pode mudar até o fim.</p> : null}
            </div>
          </>
        ) : (
          <p className="muted">
            {registration.status === "CONFIRMADA" ? "A presença aparece aqui quando o evento começar." : "Só inscrições confirmadas têm presença registrada."}
          </p>
        )}
      </section>

      <section aria-labelledby="certificado" className="no-print">
        <h2 id="certificado">Certificado</h2>
        {certificate ? (
          certificate.revoked ? (
            <p className="cert-status-invalid">O certificado {certificate.code} foi revogado pela organização.</p>
          ) : (
            <p>
              Código {certificate.code} ·{" "}
              <a href={`/certificados/${certificate.code}/pdf`} download>
                Baixar o certificado (PDF)
              </a>{" "}
              · <Link to={`/certificados/validar/${certificate.code}`}>ver a página de verificação</Link>
            </p>
          )
        ) : (
          <p className="muted">
            Os certificados são emitidos quando o evento termina, para quem atingiu a presença mínima, e avisados por e-mail. Todos ficam em{" "}
            <Link to="/meus-certificados">Meus certificados</Link>.
          </p>
        )}
      </section>
    </>
  );
}
