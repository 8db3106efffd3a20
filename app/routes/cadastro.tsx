import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { EntePicker } from "~/components/ente-picker";
import { ErrorSummary, RadioGroup, TextField } from "~/components/forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData } from "~/lib/forms.server";
import { route, safeRedirect } from "~/lib/http.server";
import { signUp } from "~/modules/auth/accounts.server";
import { PASSWORD_MIN, signUpSchema } from "~/modules/auth/schemas";
import { getActor, startSession } from "~/modules/auth/session.server";
import { ROLE_IN_ENTE, ROLE_IN_ENTE_LABELS } from "~/modules/entes/federation";
import { invitationPrefill } from "~/modules/invitations/invitations.server";

export const meta: MetaFunction = () => [{ title: "Criar conta — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const token = url.searchParams.get("convite");
  // Coming from an invitation: e-mail and ente pre-filled, and back to the invitation afterwards.
  const invitation = token ? await invitationPrefill(token) : null;
  const redirectTo = invitation ? `/convites/${token}` : safeRedirect(url.searchParams.get("redirectTo"), "/");
  if (await getActor(request)) throw redirect(redirectTo);
  return json({ redirectTo, invitation });
});

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const form = await readFormData(request);
  const submission = parseWithZod(form, { schema: signUpSchema });
  const hideFields = ["password", "passwordConfirm"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const result = await signUp(submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors, hideFields }), { status: 400 });
  const cookie = await startSession(result.userId, request.headers.get("User-Agent"));
  return redirectWithFlash(
    safeRedirect(form.get("redirectTo"), "/eventos"),
    { kind: "success", message: "Conta criada. Boas-vindas ao Apoia SUAS!" },
    { headers: { "Set-Cookie": cookie } },
  );
});

const roleOptions = ROLE_IN_ENTE.map((r) => ({ value: r, label: ROLE_IN_ENTE_LABELS[r] }));

export default function SignUp() {
  const { redirectTo, invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "cadastro",
    lastResult,
    defaultValue: invitation ? { email: invitation.email, ente: invitation.enteId ?? undefined, enteBusca: invitation.enteLabel ?? undefined } : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
  });
  return (
    <div className="auth-box">
      <h1>Criar conta</h1>
      <p className="muted">Para se inscrever em encontros, oficinas e transmissões do apoio técnico do SUAS.</p>
      {invitation ? (
        <p className="notice">
          Você foi convidado(a) para “{invitation.eventTitle}”. Crie sua conta com o e-mail do convite; depois, aceite o convite.
        </p>
      ) : null}
      <ErrorSummary
        form={form}
        labels={{ name: "Nome", email: "E-mail", password: "Senha", passwordConfirm: "Confirmação da senha", cpf: "CPF", ente: "Ente", roleInEnte: "Função" }}
      />
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.name} label="Nome completo" autoComplete="name" />
        <TextField meta={fields.email} label="E-mail" type="email" autoComplete="email" hint="De preferência o institucional." />
        <TextField
          meta={fields.password}
          label="Senha"
          type="password"
          autoComplete="new-password"
          hint={`Ao menos ${PASSWORD_MIN} caracteres.`}
        />
        <TextField meta={fields.passwordConfirm} label="Repita a senha" type="password" autoComplete="new-password" />
        <TextField
          meta={fields.cpf}
          label="CPF (opcional)"
          inputMode="numeric"
          autoComplete="off"
          hint="Usado nos certificados. Aparece mascarado para a organização dos eventos."
          className="input-medium"
        />
        <EntePicker
          meta={fields.ente}
          searchMeta={fields.enteBusca}
          label="Onde você trabalha"
          hint="O município ou o estado (governo estadual). Digite o nome ou o código IBGE, como “Salvador (BA)” ou “2927408”."
        />
        <RadioGroup meta={fields.roleInEnte} legend="Sua função" options={roleOptions} />
        <div className="button-row">
          <button type="submit" className="button">
            Criar conta
          </button>
          <Link to={`/entrar?redirectTo=${encodeURIComponent(redirectTo)}`}>Já tenho conta</Link>
        </div>
      </Form>
    </div>
  );
}
