import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { ErrorList } from "~/components/forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { badRequest, route } from "~/lib/http.server";
import { formatDateTime } from "~/lib/time";
import { emailField, z } from "~/lib/zod";
import { grantOrganizerRole, listOrganizerRoles, revokeOrganizerRole } from "~/modules/auth/organizers.server";
import { requireActor } from "~/modules/auth/session.server";
import { listUfs } from "~/modules/entes/entes.server";
import { UNIAO_ID } from "~/modules/entes/federation";

export const meta: MetaFunction = () => [{ title: "Equipes organizadoras — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const [roles, ufs] = await Promise.all([listOrganizerRoles(actor), listUfs()]);
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
    entes: [{ id: UNIAO_ID, label: "União (equipe federal)" }, ...ufs.map((u) => ({ id: u.id, label: `${u.name} (${u.uf})` }))],
  });
});

const grantSchema = z.object({
  email: emailField,
  ente: z.string({ message: "Escolha a União ou um estado." }).regex(/^(BR|\d{2})$/, "Escolha a União ou um estado."),
});

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  switch (intentOf(form)) {
    case "atribuir": {
      const parsed = grantSchema.safeParse({ email: form.get("email") ?? undefined, ente: form.get("ente") || undefined });
      if (!parsed.success) {
        const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
        await listOrganizerRoles(actor); // permission check before answering
        return json({ fieldErrors, email: String(form.get("email") ?? "") }, { status: 400 });
      }
      const r = await grantOrganizerRole(actor, { email: parsed.data.email, enteId: parsed.data.ente });
      if (!r.ok) return json({ fieldErrors: r.fieldErrors, email: parsed.data.email }, { status: 400 });
      return redirectWithFlash("/admin/organizadores", { kind: "success", message: `${parsed.data.email} agora organiza eventos.` });
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
  const { roles, entes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <h1>Equipes organizadoras</h1>
      <p className="muted">
        A equipe federal organiza eventos pela União; cada equipe estadual, pelo seu estado e para os seus municípios.
      </p>
      <h2>Atribuir</h2>
      <Form method="post" className="stack" noValidate>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="g-email">E-mail da pessoa (já cadastrada)</label>
            <input
              id="g-email"
              name="email"
              type="email"
              defaultValue={actionData?.email ?? ""}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "g-email-erro" : undefined}
            />
            <ErrorList id="g-email-erro" errors={errors.email} />
          </div>
          <div className="field">
            <label htmlFor="g-ente">Organiza por</label>
            <select id="g-ente" name="ente" aria-invalid={errors.ente ? true : undefined} aria-describedby={errors.ente ? "g-ente-erro" : undefined}>
              <option value="">—</option>
              {entes.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </select>
            <ErrorList id="g-ente-erro" errors={errors.ente} />
          </div>
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
