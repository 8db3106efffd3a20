import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { EntePicker } from "~/components/ente-picker";
import { ErrorSummary, TextField } from "~/components/forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { formatDateTime } from "~/lib/time";
import { z } from "~/lib/zod";
import { grantOrganizerRole, listOrganizerRoles, revokeOrganizerRole } from "~/modules/auth/organizers.server";
import { grantSchema } from "~/modules/auth/schemas";
import { requireActor } from "~/modules/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Equipes organizadoras — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const roles = await listOrganizerRoles(actor);
  return json({
    me: actor.userId,
    roles: roles.map((r) => ({
      id: r.id,
      userName: r.user.name,
      userEmail: r.user.email,
      userEnte: r.user.ente.kind === "MUNICIPIO" ? `${r.user.ente.name} (${r.user.ente.uf})` : r.user.ente.name,
      ente: r.ente.kind === "UNIAO" ? "União (equipe federal)" : `${r.ente.name} (${r.ente.uf})`,
      grantedBy: r.grantedBy?.name ?? "—",
      since: formatDateTime(r.createdAt, "America/Sao_Paulo"),
    })),
  });
});

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  switch (intentOf(form)) {
    case "atribuir": {
      const submission = parseWithZod(form, { schema: grantSchema });
      if (submission.status !== "success") {
        await listOrganizerRoles(actor); // permission check before answering
        return json(submission.reply(), { status: 400 });
      }
      const r = await grantOrganizerRole(actor, submission.value);
      if (!r.ok) return json(submission.reply({ fieldErrors: r.fieldErrors }), { status: 400 });
      return redirectWithFlash("/admin/organizadores", { kind: "success", message: `${submission.value.email} agora organiza eventos.` });
    }
    case "revogar": {
      const roleId = z.string().min(1).max(40).safeParse(form.get("roleId"));
      if (!roleId.success) throw badRequest("Atribuição inválida.");
      await revokeOrganizerRole(actor, roleId.data);
      return redirectWithFlash("/admin/organizadores", { kind: "info", message: "Atribuição revogada." });
    }
    default:
      throw badRequest("Ação desconhecida.");
  }
});

export default function Organizers() {
  const { roles } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "atribuir",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: grantSchema }),
  });
  return (
    <>
      <h1>Equipes organizadoras</h1>
      <p className="muted">
        A equipe federal organiza eventos pela União; cada equipe estadual, pelo seu estado e para os seus municípios.
      </p>
      <h2>Atribuir</h2>
      <ErrorSummary form={form} labels={{ email: "E-mail", ente: "Organiza por" }} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <div className="grid-2">
          <TextField meta={fields.email} label="E-mail da pessoa (já cadastrada)" type="email" />
          <EntePicker
            meta={fields.ente}
            searchMeta={fields.enteBusca}
            label="Organiza por"
            kinds={["UNIAO", "UF"]}
            hint="A União ou um estado: nome, sigla ou código IBGE."
          />
        </div>
        <button type="submit" name="intent" value="atribuir" className="button">
          Atribuir
        </button>
      </Form>
      <h2>Atribuições atuais</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Pessoa</th>
              <th scope="col">Organiza por</th>
              <th scope="col">Desde</th>
              <th scope="col">Revogar</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.userName}
                  <div className="small muted">
                    {r.userEmail} · {r.userEnte}
                  </div>
                </td>
                <td>{r.ente}</td>
                <td>
                  {r.since}
                  <div className="small muted">por {r.grantedBy}</div>
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="roleId" value={r.id} />
                    <button type="submit" name="intent" value="revogar" className="button button-secondary button-small">
                      Revogar<span className="visually-hidden"> {r.userName} de {r.ente}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
