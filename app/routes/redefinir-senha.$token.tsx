import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";

import { ErrorSummary, TextField } from "~/components/forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { readFormData } from "~/lib/forms.server";
import { route } from "~/lib/http.server";
import { z } from "~/lib/zod";
import { checkResetToken, resetPassword } from "~/modules/auth/password-reset.server";
import { PASSWORD_MIN } from "~/modules/auth/schemas";

export const meta: MetaFunction = () => [{ title: "Nova senha — Apoia SUAS" }];

const schema = z
  .object({
    password: z
      .string({ message: "Informe a nova senha." })
      .min(PASSWORD_MIN, `A senha precisa ter ao menos ${PASSWORD_MIN} caracteres.`)
      .max(128, "A senha pode ter no máximo 128 caracteres."),
    passwordConfirm: z.string({ message: "Repita a nova senha." }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "As senhas não conferem." });

export const loader = /* @__PURE__ */ route(async ({ params }: LoaderFunctionArgs) => {
  await checkResetToken(params.token ?? "");
  return json({ ok: true });
});

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password", "passwordConfirm"] }), { status: 400 });
  await resetPassword(params.token ?? "", submission.value.password);
  return redirectWithFlash("/entrar", { kind: "success", message: "Senha alterada. Entre com a nova senha." });
});

export default function ResetPassword() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "nova-senha",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="auth-box">
      <h1>Criar uma nova senha</h1>
      <ErrorSummary form={form} labels={{ password: "Nova senha", passwordConfirm: "Confirmação" }} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <TextField meta={fields.password} label="Nova senha" type="password" autoComplete="new-password" hint={`Ao menos ${PASSWORD_MIN} caracteres.`} />
        <TextField meta={fields.passwordConfirm} label="Repita a nova senha" type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          Salvar a nova senha
        </button>
      </Form>
    </div>
  );
}
