// GET /meus-certificados — my certificates: download each, see its verification page.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { myCertificates } from "~/modules/certificates/certificates.server";
import { myParticipation } from "~/modules/metrics/metrics.server";

export const meta: MetaFunction = () => [{ title: "Meus certificados — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const [certificates, participation] = await Promise.all([myCertificates(actor), myParticipation(actor)]);
  return json({ certificates, participation }, { headers: { "Cache-Control": "private, no-store" } });
});

export default function MyCertificates() {
  const { certificates, participation } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Meus certificados</h1>
      <dl className="metric-cards">
        <div className="metric-card">
          <dt>Horas certificadas</dt>
          <dd>{participation.certifiedHours.toLocaleString("pt-BR")}</dd>
        </div>
        <div className="metric-card">
          <dt>Certificados válidos</dt>
          <dd>{participation.certificates.toLocaleString("pt-BR")}</dd>
        </div>
        <div className="metric-card">
          <dt>Eventos com presença</dt>
          <dd>{participation.eventsAttended.toLocaleString("pt-BR")}</dd>
        </div>
        <div className="metric-card">
          <dt>Inscrições confirmadas</dt>
          <dd>{participation.registrations.toLocaleString("pt-BR")}</dd>
        </div>
      </dl>
      <p>
        Certificados dos eventos em que você atingiu a presença mínima. Qualquer pessoa pode conferir um certificado pelo código, em{" "}
        <Link to="/certificados/validar">Validar certificado</Link>.
      </p>
      {certificates.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Meus certificados</caption>
            <thead>
              <tr>
                <th scope="col">Evento</th>
                <th scope="col">Carga horária</th>
                <th scope="col">Código</th>
                <th scope="col">Certificado</th>
              </tr>
            </thead>
            <tbody>
              {certificates.map((c) => (
                <tr key={c.code}>
                  <td>
                    <Link to={`/minhas-inscricoes/${c.eventSlug}`}>{c.eventTitle}</Link>
                    <div className="small muted">
                      {c.dates} · emitido em {c.issuedAt}
                    </div>
                  </td>
                  <td>{c.hours}</td>
                  <td>
                    <Link to={`/certificados/validar/${c.code}`}>
                      <code>{c.code}</code>
                    </Link>
                  </td>
                  <td>
                    {c.status === "REVOGADO" ? (
                      <span className="cert-status-invalid">
                        Revogado{c.revokedReason ? `: ${c.revokedReason}` : ""}
                      </span>
                    ) : (
                      <a href={`/certificados/${c.code}/pdf`} download>
                        Baixar PDF<span className="visually-hidden"> do certificado de {c.eventTitle}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">
          Você ainda não tem certificados. Eles são emitidos quando o evento termina, para quem atingiu a presença mínima; você recebe um e-mail quando o seu
          estiver pronto. Acompanhe a sua presença em <Link to="/minhas-inscricoes">Minhas inscrições</Link>.
        </p>
      )}
    </>
  );
}
