import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

import { ErrorSummary, TextField } from "~/components/forms";
import { readFormData } from "~/lib/forms.server";
import { route } from "~/lib/http.server";
import { emailField, z } from "~/lib/zod";
import { requestPasswordReset } from "~/modules/auth/password-reset.server";
import { RESET_MINUTES } from "~/modules/auth/schemas";

export const meta: MetaFunction = () => [{ title: "Esqueci a senha — Apoia SUAS" }];

const schema = z.object({ email: emailField });

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") return json({ result: submission.reply(), sent: false }, { status: 400 });
  await requestPasswordReset(submission.value.email);
  return json({ result: submission.reply({ resetForm: true }), sent: true });
});

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "esqueci",
    lastResult: data?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="auth-box">
      <h1>Esqueci a senha</h1>
      {data?.sent ? (
        <div className="notice notice-success" role="status">
          Se houver uma conta com esse e-mail, enviamos um link para criar uma nova senha. O link vale por {RESET_MINUTES} minutos.
        </div>
      ) : (
        <p>Informe o e-mail da sua conta: enviaremos um link para criar uma nova senha.</p>
      )}
      <ErrorSummary form={form} labels={{ email: "E-mail" }} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <TextField meta={fields.email} label="E-mail" type="email" autoComplete="email" />
        <div className="button-row">
          <button type="submit" className="button">
            Enviar o link
          </button>
          <Link to="/entrar">Voltar para a entrada</Link>
        </div>
      </Form>
    </div>
  );
}
