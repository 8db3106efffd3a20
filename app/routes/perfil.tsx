import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { EntePicker } from "~/components/ente-picker";
import { Checkbox, ErrorSummary, RadioGroup, TextField } from "~/components/forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { intentOf, readFormData } from "~/lib/forms.server";
import { route } from "~/lib/http.server";
import { saveProfile } from "~/modules/auth/accounts.server";
import { feedUrls, revokeCalendarToken, rotateCalendarToken } from "~/modules/calendar/calendar.server";
import { changePassword, profileOf } from "~/modules/auth/auth.server";
import { maskCpf } from "~/modules/auth/cpf";
import { changePasswordSchema, profileSchema } from "~/modules/auth/schemas";
import { deleteUserSessions, readSession, requireActor } from "~/modules/auth/session.server";
import { enteDisplayName, ROLE_IN_ENTE, ROLE_IN_ENTE_LABELS, type EnteKind } from "~/modules/entes/federation";

export const meta: MetaFunction = () => [{ title: "Meu perfil — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const p = await profileOf(actor.userId);
  return json({
    profile: {
      name: p.name,
      email: p.email,
      cpfMasked: maskCpf(p.cpf),
      roleInEnte: p.roleInEnte,
      enteId: p.ente.id,
      enteLabel: enteDisplayName({ ...p.ente, kind: p.ente.kind as EnteKind }),
    },
    feed: p.calendarToken ? feedUrls(p.calendarToken) : null,
    organizerOf: actor.organizerOf.map((e) => e.name),
    isAdmin: actor.isAdmin,
  });
});

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  if (intentOf(form) === "agenda-gerar") {
    await rotateCalendarToken(actor.userId);
    return redirectWithFlash("/perfil#agenda", { kind: "success", message: "Novo endereço da agenda criado. O anterior deixou de funcionar." });
  }
  if (intentOf(form) === "agenda-desativar") {
    await revokeCalendarToken(actor.userId);
    return redirectWithFlash("/perfil#agenda", { kind: "info", message: "Assinatura da agenda desativada." });
  }
  if (intentOf(form) === "senha") {
    const submission = parseWithZod(form, { schema: changePasswordSchema });
    const hideFields = ["currentPassword", "password", "passwordConfirm"];
    if (submission.status !== "success") return json({ form: "senha" as const, result: submission.reply({ hideFields }) }, { status: 400 });
    const r = await changePassword(actor.userId, submission.value.currentPassword, submission.value.password);
    if (!r.ok) return json({ form: "senha" as const, result: submission.reply({ fieldErrors: r.fieldErrors, hideFields }) }, { status: 400 });
    const session = await readSession(request);
    await deleteUserSessions(actor.userId, session.kind === "active" ? session.sessionId : undefined);
    return redirectWithFlash("/perfil", { kind: "success", message: "Senha alterada. As outras sessões abertas foram encerradas." });
  }
  const submission = parseWithZod(form, { schema: profileSchema });
  if (submission.status !== "success") return json({ form: "perfil" as const, result: submission.reply() }, { status: 400 });
  const r = await saveProfile(actor.userId, submission.value);
  if (!r.ok) return json({ form: "perfil" as const, result: submission.reply({ fieldErrors: r.fieldErrors }) }, { status: 400 });
  return redirectWithFlash("/perfil", { kind: "success", message: "Perfil atualizado." });
});

const roleOptions = ROLE_IN_ENTE.map((r) => ({ value: r, label: ROLE_IN_ENTE_LABELS[r] }));

export default function Profile() {
  const { profile, organizerOf, isAdmin, feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "perfil",
    lastResult: actionData?.form === "perfil" ? actionData.result : undefined,
    defaultValue: { name: profile.name, roleInEnte: profile.roleInEnte, ente: profile.enteId, enteBusca: profile.enteLabel },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  const [pwForm, pwFields] = useForm({
    id: "senha",
    lastResult: actionData?.form === "senha" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <div>
      <h1>Meu perfil</h1>
      <dl className="facts">
        <dt>E-mail</dt>
        <dd>{profile.email}</dd>
        <dt>CPF</dt>
        <dd>{profile.cpfMasked ?? "não informado"}</dd>
        {organizerOf.length ? (
          <>
            <dt>Organiza eventos por</dt>
            <dd>{organizerOf.join(", ")}</dd>
          </>
        ) : null}
        {isAdmin ? (
          <>
            <dt>Perfil</dt>
            <dd>Administrador(a)</dd>
          </>
        ) : null}
      </dl>

      <h2>Dados pessoais</h2>
      <ErrorSummary form={form} labels={{ name: "Nome", cpf: "CPF", ente: "Ente", roleInEnte: "Função" }} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <TextField meta={fields.name} label="Nome completo" autoComplete="name" />
        <TextField
          meta={fields.cpf}
          label="CPF"
          inputMode="numeric"
          className="input-medium"
          hint={profile.cpfMasked ? `Cadastrado: ${profile.cpfMasked}. Preencha só para alterar.` : "Opcional. Usado nos certificados."}
        />
        {profile.cpfMasked ? <Checkbox meta={fields.removeCpf} label="Remover o CPF do meu cadastro" /> : null}
        <EntePicker meta={fields.ente} searchMeta={fields.enteBusca} label="Onde você trabalha" hint="Município ou estado." />
        <RadioGroup meta={fields.roleInEnte} legend="Sua função" options={roleOptions} />
        <button type="submit" name="intent" value="perfil" className="button">
          Salvar perfil
        </button>
      </Form>

      <h2 id="agenda">Agenda</h2>
      <p>
        Assine sua agenda no Outlook, Google Agenda, Thunderbird ou no celular: todas as sessões em que sua inscrição está
        confirmada aparecem lá e acompanham as mudanças de horário e local.
      </p>
      {feed ? (
        <>
          <div className="field">
            <label htmlFor="agenda-url">Endereço da sua agenda (pessoal: não compartilhe)</label>
            <input id="agenda-url" type="text" readOnly value={feed.https} />
          </div>
          <div className="button-row">
            <a href={feed.webcal} className="button button-secondary">
              Assinar no aplicativo de agenda
            </a>
            <Form method="post">
              <button type="submit" name="intent" value="agenda-gerar" className="button button-secondary">
                Gerar novo endereço
              </button>
            </Form>
            <Form method="post">
              <button type="submit" name="intent" value="agenda-desativar" className="button-link">
                Desativar
              </button>
            </Form>
          </div>
        </>
      ) : (
        <Form method="post">
          <button type="submit" name="intent" value="agenda-gerar" className="button button-secondary">
            Criar endereço de assinatura
          </button>
        </Form>
      )}

      <h2>Trocar a senha</h2>
      <ErrorSummary form={pwForm} labels={{ currentPassword: "Senha atual", password: "Nova senha", passwordConfirm: "Confirmação" }} />
      <Form method="post" {...getFormProps(pwForm)} className="stack">
        <TextField meta={pwFields.currentPassword} label="Senha atual" type="password" autoComplete="current-password" />
        <TextField meta={pwFields.password} label="Nova senha" type="password" autoComplete="new-password" />
        <TextField meta={pwFields.passwordConfirm} label="Repita a nova senha" type="password" autoComplete="new-password" />
        <button type="submit" name="intent" value="senha" className="button button-secondary">
          Trocar a senha
        </button>
      </Form>
    </div>
  );
}
