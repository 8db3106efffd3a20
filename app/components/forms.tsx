// Form fields with labels, hints and Portuguese error lists wired for screen readers
// (aria-invalid, aria-describedby). Built on Conform so that every form works without JavaScript.
import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type FormMetadata,
} from "@conform-to/react";
import type { ReactNode } from "react";

import { urlValue } from "~/lib/url-values";

type Meta = FieldMetadata<unknown>;

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="field-error">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <span className="hint" id={id}>
      {hint}
    </span>
  ) : null;
}

function describedBy(meta: Meta, hint?: ReactNode): string | undefined {
  const ids = [hint ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
  className,
  inputMode,
  required,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "number" | "date" | "time" | "datetime-local" | "search";
  autoComplete?: string;
  className?: string;
  inputMode?: "numeric" | "decimal" | "email" | "text";
  required?: boolean;
}) {
  const props = getInputProps(meta as FieldMetadata<string>, { type, ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.descriptionId} hint={hint} />
      <input
        {...props}
        key={props.key}
        autoComplete={autoComplete}
        className={className}
        inputMode={inputMode}
        required={required}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField({ meta, label, hint, rows = 8 }: { meta: Meta; label: ReactNode; hint?: ReactNode; rows?: number }) {
  const props = getTextareaProps(meta as FieldMetadata<string>, { ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.descriptionId} hint={hint} />
      <textarea
        {...props}
        key={props.key}
        rows={rows}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  meta,
  label,
  hint,
  options,
  placeholder,
  className,
  onChange,
}: {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly Option[];
  placeholder?: string;
  className?: string;
  onChange?: (value: string) => void;
}) {
  const props = getSelectProps(meta as FieldMetadata<string>, { ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint id={meta.descriptionId} hint={hint} />
      <select
        {...props}
        key={props.key}
        className={className}
        onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function RadioGroup({
  meta,
  legend,
  hint,
  options,
  inline,
  onChange,
}: {
  meta: Meta;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Option[];
  inline?: boolean;
  onChange?: (value: string) => void;
}) {
  const current = typeof meta.initialValue === "string" ? meta.initialValue : undefined;
  return (
    <fieldset
      className="field"
      id={meta.id}
      aria-invalid={meta.errors?.length ? true : undefined}
      aria-describedby={describedBy(meta, hint)}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      <Hint id={meta.descriptionId} hint={hint} />
      <div className={inline ? "choices-inline" : undefined}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="radio"
              name={meta.name}
              value={o.value}
              defaultChecked={current === o.value}
              form={meta.formId}
              onChange={onChange ? (e) => e.currentTarget.checked && onChange(o.value) : undefined}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

export function CheckboxGroup({
  meta,
  legend,
  hint,
  options,
}: {
  meta: Meta;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Option[];
}) {
  const initial = meta.initialValue;
  const current = new Set(Array.isArray(initial) ? initial.map(String) : typeof initial === "string" ? [initial] : []);
  return (
    <fieldset className="field" id={meta.id} aria-describedby={describedBy(meta, hint)} tabIndex={-1}>
      <legend>{legend}</legend>
      <Hint id={meta.descriptionId} hint={hint} />
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input type="checkbox" name={meta.name} value={o.value} defaultChecked={current.has(o.value)} form={meta.formId} />
          <span>{o.label}</span>
        </label>
      ))}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

export function Checkbox({ meta, label, hint }: { meta: Meta; label: ReactNode; hint?: ReactNode }) {
  const checked = meta.initialValue === "on" || meta.initialValue === "true" || (meta.initialValue as unknown) === true;
  return (
    <div className="field">
      <label className="choice" htmlFor={meta.id}>
        <input type="checkbox" id={meta.id} name={meta.name} defaultChecked={checked} form={meta.formId} />
        <span>{label}</span>
      </label>
      <Hint id={meta.descriptionId} hint={hint} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** All the form's errors at the top, each linking to its field (GOV.UK / gov.br pattern). */
export function ErrorSummary({
  form,
  labels = {},
}: {
  form: Pick<FormMetadata<Record<string, unknown>, string[]>, "id" | "allErrors">;
  labels?: Record<string, string>;
}) {
  const all = Object.entries(form.allErrors).filter(([, errs]) => errs?.length);
  if (!all.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${form.id}-summary-title`} tabIndex={-1}>
      <h2 id={`${form.id}-summary-title`}>Corrija {all.length === 1 ? "o problema" : `os ${all.length} problemas`} abaixo</h2>
      <ul>
        {all.map(([name, errs]) =>
          errs!.map((e) => (
            <li key={`${name}:${e}`}>
              <a href={name ? `#${form.id}-${name}` : `#${form.id}`}>
                {labels[name.replace(/\[\d+\]/g, "[]")] ? `${labels[name.replace(/\[\d+\]/g, "[]")]}: ` : ""}
                {e}
              </a>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

/**
 * A labelled select for the plain GET filter forms (lists, dashboards): no Conform state, the
 * current value comes from the URL. `all` is the label of the empty option ("Todos", "Todas").
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  all,
  required,
}: {
  id: string;
  name: string;
  label: ReactNode;
  value: string | null | undefined;
  options: readonly Option[];
  all?: string;
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} required={required}>
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Options from a list of codes and their labels, the codes written as they go in URLs ("visita-tecnica"). */
export function optionsOf<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): Option[] {
  return values.map((v) => ({ value: urlValue(v), label: labels[v] }));
}
