// "Inscrição na hora": registers someone at the door (online only) and checks her in.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";

import { EntePicker } from "~/components/ente-picker";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { walkInSchema } from "~/modules/attendance/checkin-schemas";
import type { DevicePerson } from "~/modules/attendance/checkin-device";
import { ROLE_IN_ENTE, ROLE_IN_ENTE_LABELS } from "~/modules/entes/federation";

const roleOptions = ROLE_IN_ENTE.map((r) => ({ value: r, label: ROLE_IN_ENTE_LABELS[r] }));

/** What the page's action answers to the walk-in form. */
export type WalkInReply = {
  reply: SubmissionResult<string[]>;
  /** the server's refusal (no seats left…), in Portuguese */
  message?: string;
  done?: { person: DevicePerson; result: { id: string; ok: boolean; duplicate?: boolean; name?: string; message: string } };
};

export function WalkInForm({ action, online, onDone }: { action: string; online: boolean; onDone: (done: NonNullable<WalkInReply["done"]>) => void }) {
  const fetcher = useFetcher<WalkInReply>();
  const [form, fields] = useForm({
    id: "inscricao-na-hora",
    lastResult: fetcher.state === "idle" ? fetcher.data?.reply : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: walkInSchema }),
  });
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.done && handled.current !== fetcher.data) {
      handled.current = fetcher.data;
      onDone(fetcher.data.done);
    }
  }, [fetcher.state, fetcher.data, onDone]);
  const busy = fetcher.state !== "idle";
  const refusal = fetcher.state === "idle" ? fetcher.data?.message : undefined;
  return (
    <section aria-labelledby="na-hora-titulo" className="checkin-panel">
      <h2 id="na-hora-titulo">Inscrição na hora</h2>
      <p className="small muted">
        Para quem chegou sem inscrição: se houver vaga, a pessoa é inscrita e a entrada é registrada. Se o e-mail ainda não tem conta, uma
        conta é criada (a senha é definida depois em “Esqueci a senha”).
      </p>
      {!online ? (
        <p className="notice notice-warning" role="status">
          Sem conexão: a inscrição na hora precisa de internet para conferir as vagas. As leituras de crachá e a busca continuam funcionando.
        </p>
      ) : null}
      {refusal ? (
        <p className="notice notice-error" role="alert">
          {refusal}
        </p>
      ) : null}
      <ErrorSummary form={form} labels={{ name: "Nome", email: "E-mail", cpf: "CPF", ente: "Ente", roleInEnte: "Função no ente" }} />
      <fetcher.Form method="post" action={action} {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="inscricao-na-hora" />
        <TextField meta={fields.name} label="Nome completo" autoComplete="off" />
        <TextField meta={fields.email} label="E-mail" type="email" autoComplete="off" inputMode="email" />
        <EntePicker
          meta={fields.ente}
          searchMeta={fields.enteBusca}
          label="Ente onde trabalha"
          hint="Município ou estado: digite o nome ou o código IBGE, como “Salvador (BA)” ou “2927408”."
        />
        <SelectField meta={fields.roleInEnte} label="Função no ente" options={roleOptions} placeholder="Escolha" />
        <TextField meta={fields.cpf} label="CPF (opcional)" inputMode="numeric" autoComplete="off" hint="Usado nos certificados." className="input-medium" />
        <button type="submit" className="button checkin-big" disabled={!online || busy}>
          {busy ? "Inscrevendo…" : "Inscrever e registrar entrada"}
        </button>
      </fetcher.Form>
    </section>
  );
}
