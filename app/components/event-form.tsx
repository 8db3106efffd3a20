// The organizer's event form (create and edit). Works without JavaScript: every section is in the
// page and the server ignores what does not apply; with JavaScript, sections that do not apply to
// the chosen format and audience are hidden, and errors show as you go.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";

import { EntePicker } from "~/components/ente-picker";
import { CheckboxGroup, Checkbox, ErrorList, ErrorSummary, RadioGroup, SelectField, TextareaField, TextField } from "~/components/forms";
import { useHydrated } from "~/components/hydrated";
import { PORTE_LABELS, PORTES, REGIONS, TIME_ZONE_LABELS, TIME_ZONES } from "~/modules/entes/federation";
import { eventFormSchema, MAX_SESSIONS, type EventFormInput } from "~/modules/events/event-form";
import {
  AUDIENCE_KIND_LABELS,
  AUDIENCE_KINDS,
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  FORMAT_LABELS,
  FORMATS,
  SCOPE_LABELS,
  SCOPES,
  VISIBILITIES,
  VISIBILITY_LABELS,
} from "~/modules/events/vocabulary";

export type OrganizerOption = { id: string; label: string; kind: string; uf: string | null; timeZone: string };

const LABELS: Record<string, string> = {
  title: "Título",
  type: "Tipo",
  scope: "Abrangência",
  scopeRegion: "Região",
  format: "Formato",
  organizerEnteId: "Organização",
  timeZone: "Fuso horário",
  sessions: "Sessões",
  "sessions[].title": "Título da sessão",
  "sessions[].date": "Data da sessão",
  "sessions[].start": "Início da sessão",
  "sessions[].end": "Término da sessão",
  venueName: "Local",
  venueAddress: "Endereço",
  venueMunicipio: "Município do local",
  audienceKind: "Público-alvo",
  audienceRegion: "Região do público-alvo",
  audienceUfId: "Estado do público-alvo",
  audiencePortes: "Portes",
  audienceEntes: "Lista de entes",
  visibility: "Visibilidade",
  capacity: "Capacidade",
  invitationQuota: "Vagas por ente nos convites",
  registrationOpensAt: "Início das inscrições",
  registrationClosesAt: "Fim das inscrições",
  workloadHours: "Carga horária",
  descriptionMd: "Descrição",
};

const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

export function EventForm({
  id,
  lastResult,
  defaultValue,
  organizers,
  ufs,
  submitLabel,
}: {
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: Partial<EventFormInput>;
  organizers: OrganizerOption[];
  ufs: { id: string; label: string; uf: string }[];
  submitLabel: string;
}) {
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventFormSchema }),
  });
  const format = fields.format.value ?? defaultValue.format;
  const audience = fields.audienceKind.value ?? defaultValue.audienceKind;
  const scope = fields.scope.value ?? defaultValue.scope;
  const organizer = organizers.find((o) => o.id === (fields.organizerEnteId.value ?? defaultValue.organizerEnteId)) ?? organizers[0];
  const isState = organizer?.kind === "UF";
  const hideWhen = (condition: boolean) => hydrated && condition;
  const sessions = fields.sessions.getFieldList();

  return (
    <>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <fieldset>
          <legend>O evento</legend>
          <TextField meta={fields.title} label="Título" />
          <div className="grid-2">
            <SelectField meta={fields.type} label="Tipo" options={opts(EVENT_TYPES, EVENT_TYPE_LABELS)} />
            {organizers.length > 1 ? (
              <SelectField meta={fields.organizerEnteId} label="Organização" options={organizers.map((o) => ({ value: o.id, label: o.label }))} />
            ) : (
              <div className="field">
                <span className="label">Organização</span>
                <p style={{ margin: "0.5rem 0" }}>{organizer?.label}</p>
                <input type="hidden" name={fields.organizerEnteId.name} value={organizer?.id ?? ""} />
                <ErrorList errors={fields.organizerEnteId.errors} />
              </div>
            )}
          </div>
          <div className="grid-2">
            <SelectField
              meta={fields.scope}
              label="Abrangência"
              options={opts(SCOPES, SCOPE_LABELS).filter((o) => !isState || o.value === "ESTADUAL" || o.value === "MUNICIPAL")}
            />
            <div hidden={hideWhen(scope !== "REGIONAL")}>
              <SelectField meta={fields.scopeRegion} label="Região (eventos regionais)" placeholder="—" options={REGIONS.map((r) => ({ value: r, label: r }))} />
            </div>
          </div>
          <RadioGroup meta={fields.format} legend="Formato" options={opts(FORMATS, FORMAT_LABELS)} inline />
          <TextareaField
            meta={fields.descriptionMd}
            label="Descrição"
            hint="Objetivos, programação detalhada, materiais. Aceita Markdown: **negrito**, listas com “-”, links [texto](https://...)."
          />
        </fieldset>

        <fieldset>
          <legend>Programação</legend>
          <SelectField
            meta={fields.timeZone}
            label="Fuso horário dos horários abaixo"
            hint="Os participantes veem os horários neste fuso, com o nome dele, e também no próprio fuso quando for diferente."
            options={TIME_ZONES.map((z) => ({ value: z, label: TIME_ZONE_LABELS[z] }))}
          />
          <ErrorList id={fields.sessions.errorId} errors={fields.sessions.errors} />
          {sessions.map((session, index) => {
            const s = session.getFieldset();
            return (
              <div className="session-row" key={session.key} id={session.id}>
                <div className="session-row-head">
                  <h3 style={{ margin: 0 }}>Sessão {index + 1}</h3>
                  {sessions.length > 1 ? (
                    <button {...form.remove.getButtonProps({ name: fields.sessions.name, index })} className="button-link">
                      Remover sessão {index + 1}
                    </button>
                  ) : null}
                </div>
                <input {...getInputProps(s.id, { type: "hidden" })} key={s.id.key} />
                <TextField meta={s.title} label="Título da sessão (opcional)" />
                <div className="grid-3">
                  <TextField meta={s.date} label="Data" type="date" />
                  <TextField meta={s.start} label="Início" type="time" />
                  <TextField meta={s.end} label="Término" type="time" />
                </div>
              </div>
            );
          })}
          {sessions.length < MAX_SESSIONS ? (
            <button {...form.insert.getButtonProps({ name: fields.sessions.name })} className="button button-secondary button-small">
              Adicionar sessão
            </button>
          ) : null}
          <p />
        </fieldset>

        <fieldset hidden={hideWhen(format === "ONLINE")}>
          <legend>Local (eventos presenciais e híbridos)</legend>
          <TextField meta={fields.venueName} label="Nome do local" />
          <TextField meta={fields.venueAddress} label="Endereço" />
          <EntePicker
            meta={fields.venueMunicipio}
            searchMeta={fields.venueMunicipioBusca}
            label="Município"
            kinds={["MUNICIPIO"]}
            uf={isState ? (organizer?.uf ?? undefined) : undefined}
            hint="Digite o nome ou o código IBGE, como “Feira de Santana (BA)”."
          />
        </fieldset>

        <fieldset>
          <legend>Quem pode se inscrever</legend>
          <RadioGroup
            meta={fields.audienceKind}
            legend="Público-alvo"
            options={opts(AUDIENCE_KINDS, AUDIENCE_KIND_LABELS).filter((o) => !isState || o.value === "UF" || o.value === "PORTE" || o.value === "LISTA")}
          />
          <div hidden={hideWhen(audience !== "REGIAO")}>
            <SelectField meta={fields.audienceRegion} label="Região" placeholder="—" options={REGIONS.map((r) => ({ value: r, label: r }))} />
            <Checkbox meta={fields.audienceIncludeMunicipios} label="Incluir também os municípios da região" />
          </div>
          <div hidden={hideWhen(audience !== "UF" && audience !== "PORTE")}>
            {isState ? (
              <div className="field">
                <span className="label">Estado</span>
                <p style={{ margin: "0.5rem 0" }}>{ufs.find((u) => u.uf === organizer?.uf)?.label}</p>
                <input type="hidden" name={fields.audienceUfId.name} value={organizer?.id ?? ""} />
                <ErrorList errors={fields.audienceUfId.errors} />
              </div>
            ) : (
              <EntePicker
                meta={fields.audienceUfId}
                searchMeta={fields.audienceUfIdBusca}
                label="Estado"
                kinds={["UF"]}
                hint={
                  audience === "PORTE"
                    ? "Nome, sigla ou código IBGE do estado. Deixe em branco para municípios de todo o país."
                    : "Nome, sigla ou código IBGE do estado, como “Bahia” ou “29”."
                }
              />
            )}
          </div>
          <div hidden={hideWhen(audience !== "PORTE")}>
            <CheckboxGroup meta={fields.audiencePortes} legend="Portes dos municípios" options={opts(PORTES, PORTE_LABELS)} />
          </div>
          <div hidden={hideWhen(audience !== "LISTA")}>
            <TextareaField
              meta={fields.audienceEntes}
              label="Entes convidados"
              rows={6}
              hint="Um por linha: nome com UF ou código IBGE, como “Juazeiro (BA)” ou “2918407”. Para o governo estadual, o nome do estado."
            />
          </div>
          <RadioGroup meta={fields.visibility} legend="Visibilidade" options={opts(VISIBILITIES, VISIBILITY_LABELS)} />
        </fieldset>

        <fieldset>
          <legend>Vagas e inscrições</legend>
          <div className="grid-2">
            <TextField meta={fields.capacity} label="Capacidade (vagas)" type="number" hint="Deixe em branco para não limitar." className="input-short" />
            <TextField meta={fields.workloadHours} label="Carga horária (horas)" inputMode="decimal" hint="Como 8 ou 4,5." className="input-short" />
            <TextField
              meta={fields.invitationQuota}
              label="Vagas por ente nos convites"
              type="number"
              hint="Sugestão ao convidar estados ou municípios (“2 vagas por município”)."
              className="input-short"
            />
          </div>
          <div className="grid-2">
            <TextField meta={fields.registrationOpensAt} label="Início das inscrições" type="datetime-local" />
            <TextField meta={fields.registrationClosesAt} label="Fim das inscrições" type="datetime-local" hint="Até o fim da última sessão." />
          </div>
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
