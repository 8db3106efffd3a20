import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { redirectWithFlash } from "~/lib/flash.server";
import { route } from "~/lib/http.server";
import { endSession, getActor } from "~/modules/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Sair — Apoia SUAS" }];

export const loader = /* @__PURE__ */ route(async ({ request }) => {
  if (!(await getActor(request))) throw redirect("/");
  return null;
});

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const cookie = await endSession(request);
  return redirectWithFlash("/", { kind: "info", message: "Você saiu da sua conta." }, { headers: { "Set-Cookie": cookie } });
});

export default function LogOut() {
  return (
    <div className="auth-box">
      <h1>Sair da conta</h1>
      <Form method="post">
        <button type="submit" className="button">
          Sair
        </button>
      </Form>
    </div>
  );
}
