import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { ErrorSummary, TextField } from "~/components/forms";
import { readFormData } from "~/lib/forms.server";
import { route, safeRedirect } from "~/lib/http.server";
import { authenticate } from "~/modules/auth/auth.server";
import { logInSchema } from "~/modules/auth/schemas";
import { getActor, startSession } from "~/modules/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Entrar — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "/");
  if (await getActor(request)) throw redirect(redirectTo);
  return json({ redirectTo, expired: url.searchParams.get("motivo") === "sessao-expirada" });
});

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const form = await readFormData(request);
  const submission = parseWithZod(form, { schema: logInSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await authenticate(email, password, context.clientIp ?? "desconhecido");
  if (!result) {
    return json(submission.reply({ formErrors: ["E-mail ou senha incorretos."], hideFields: ["password"] }), { status: 400 });
  }
  const cookie = await startSession(result.userId, request.headers.get("User-Agent"));
  return redirect(safeRedirect(redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
});

export default function LogIn() {
  const { redirectTo, expired } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "entrar",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: logInSchema }),
  });
  return (
    <div className="auth-box">
      <h1>Entrar</h1>
      {expired ? (
        <p className="notice notice-warning" role="status">
          Sua sessão expirou. Entre de novo para continuar.
        </p>
      ) : null}
      {form.errors?.length ? (
        <div className="notice notice-error" role="alert" id={form.errorId}>
          {form.errors.join(" ")}
        </div>
      ) : null}
      <ErrorSummary form={form} labels={{ email: "E-mail", password: "Senha" }} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} label="E-mail" type="email" autoComplete="email" />
        <TextField meta={fields.password} label="Senha" type="password" autoComplete="current-password" />
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Entrar
          </button>
          <Link to={`/cadastro?redirectTo=${encodeURIComponent(redirectTo)}`}>Ainda não tem conta? Cadastre-se</Link>
          <Link to="/esqueci-a-senha">Esqueci a senha</Link>
        </div>
      </Form>
    </div>
  );
}
