// GET /certificados/validar/:codigo — the public verification page (the certificate's QR leads here):
// who, what, when and how many hours for a valid certificate; revoked or superseded ones say so;
// an unknown code says it does not exist. Nothing else about the person is shown. Rate-limited.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { route } from "~/lib/http.server";
import { verifyCertificate } from "~/modules/certificates/certificates.server";

export const meta: MetaFunction = () => [{ title: "Verificação de certificado — Apoia SUAS" }, { name: "robots", content: "noindex" }];

export const loader = /* @__PURE__ */ route(async ({ params, context }: LoaderFunctionArgs) => {
  const clientIp = String((context as { clientIp?: string }).clientIp ?? "desconhecido");
  const result = await verifyCertificate(String(params.codigo ?? "").slice(0, 100), clientIp);
  return json(result, { status: result.status === "INEXISTENTE" ? 404 : 200, headers: { "Cache-Control": "no-store" } });
});

const HOURS_MODE = { INTEGRAL: "carga horária integral do evento", PRESENCA: "horas de presença registradas" } as const;

export default function Verification() {
  const v = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Verificação de certificado</h1>
      {v.status === "INEXISTENTE" ? (
        <div className="verify-result invalid" role="status">
          <p>
            <strong>Não existe certificado com o código {v.code}.</strong>
          </p>
          <p>Confira o código no certificado (12 letras e números) e tente de novo. Um certificado sem código válido não foi emitido pelo Apoia SUAS.</p>
        </div>
      ) : (
        <>
          <div className={`verify-result ${v.status === "VALIDO" ? "valid" : "invalid"}`} role="status">
            {v.status === "VALIDO" ? (
              <p>
                <strong>Certificado válido.</strong> Emitido pelo Apoia SUAS em {v.issuedAt}.
              </p>
            ) : v.status === "REVOGADO" ? (
              <p>
                <strong>Certificado revogado em {v.revokedAt}.</strong> Ele não vale mais como comprovante.
                {v.revokedReason ? ` Motivo: ${v.revokedReason}` : ""}
              </p>
            ) : (
              <p>
                <strong>Certificado substituído.</strong> A organização emitiu um novo certificado no lugar deste (por exemplo, para corrigir um dado); peça à
                pessoa o certificado atual.
              </p>
            )}
          </div>
          <dl className="facts">
            <dt>Código</dt>
            <dd>
              <code>{v.code}</code>
            </dd>
            <dt>Participante</dt>
            <dd>{v.personName}</dd>
            <dt>Evento</dt>
            <dd>
              {v.eventTitle} ({v.eventType})
            </dd>
            <dt>Quando</dt>
            <dd>{v.dates}</dd>
            <dt>Onde</dt>
            <dd>{v.place}</dd>
            <dt>Carga horária</dt>
            <dd>
              {v.hours} ({HOURS_MODE[v.hoursMode]})
            </dd>
            <dt>Promovido por</dt>
            <dd>{v.organizer}</dd>
            <dt>Emitido em</dt>
            <dd>{v.issuedAt}</dd>
          </dl>
        </>
      )}
      <p>
        <Link to="/certificados/validar">Validar outro certificado</Link>
      </p>
    </>
  );
}
