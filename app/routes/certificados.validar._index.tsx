// GET /certificados/validar — anyone types a certificate's code (?codigo=…) and is taken to its
// verification page; a code that cannot be one is answered here, in Portuguese.
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { route } from "~/lib/http.server";
import { formatCode, normalizeCode } from "~/modules/certificates/code";

export const meta: MetaFunction = () => [{ title: "Validar certificado — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const typed = new URL(request.url).searchParams.get("codigo");
  if (typed === null) return json({ typed: "", error: null });
  const code = normalizeCode(typed.slice(0, 100));
  if (code) throw redirect(`/certificados/validar/${formatCode(code)}`);
  return json(
    {
      typed: typed.slice(0, 100),
      error: typed.trim()
        ? "Este código não tem o formato de um código de certificado: são 12 letras e números, como K7QX-M2PA-9HTD."
        : "Digite o código do certificado.",
    },
    { status: 400 },
  );
});

export default function VerifyForm() {
  const { typed, error } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Validar certificado</h1>
      <p>
        Confira se um certificado do Apoia SUAS é autêntico. O código de verificação está no canto inferior do certificado, ao lado do QR code. Letras
        maiúsculas ou minúsculas, espaços e traços não fazem diferença.
      </p>
      <Form method="get" noValidate>
        <div className="field">
          <label htmlFor="codigo">Código de verificação</label>
          <input
            id="codigo"
            name="codigo"
            defaultValue={typed}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="XXXX-XXXX-XXXX"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "codigo-erro" : undefined}
          />
          {error ? (
            <p id="codigo-erro" className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button">
          Validar
        </button>
      </Form>
    </>
  );
}
