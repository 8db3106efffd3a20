// Searchable picker of entes (by name or IBGE code). Without JavaScript it is a text field the
// server resolves ("Bom Jesus (PI)", "2927408"); with JavaScript it suggests as you type
// (WAI-ARIA combobox from downshift) and fills the hidden code.
import type { FieldMetadata } from "@conform-to/react";
import { useCombobox } from "downshift";
import { useEffect, useRef, useState, type ReactNode } from "react";

import { ErrorList } from "./forms";

export type EnteSuggestion = { id: string; label: string; kind: string };

const KIND_LABELS: Record<string, string> = { UNIAO: "União", UF: "estado", MUNICIPIO: "município" };

export function EntePicker({
  meta,
  searchMeta,
  label,
  hint,
  kinds,
  uf,
  initialLabel,
}: {
  /** the hidden field holding the IBGE code */
  meta: FieldMetadata<unknown>;
  /** the visible text field (name + "Busca") */
  searchMeta: FieldMetadata<unknown>;
  label: ReactNode;
  hint?: ReactNode;
  kinds?: string[];
  uf?: string;
  initialLabel?: string;
}) {
  const [items, setItems] = useState<EnteSuggestion[]>([]);
  const [selectedId, setSelectedId] = useState<string>(typeof meta.initialValue === "string" ? meta.initialValue : "");
  const initialText = typeof searchMeta.initialValue === "string" ? searchMeta.initialValue : (initialLabel ?? "");
  const controller = useRef<AbortController | null>(null);
  const errors = [...(meta.errors ?? []), ...(searchMeta.errors ?? [])];
  const errorId = `${meta.id}-erros`;
  const hintId = `${meta.id}-dica`;

  const { isOpen, getInputProps, getMenuProps, getItemProps, getLabelProps, highlightedIndex } = useCombobox<EnteSuggestion>({
    items,
    inputId: meta.id,
    labelId: `${meta.id}-rotulo`,
    menuId: `${meta.id}-opcoes`,
    initialInputValue: initialText,
    itemToString: (item) => item?.label ?? "",
    onSelectedItemChange: ({ selectedItem }) => setSelectedId(selectedItem?.id ?? ""),
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) return;
      setSelectedId("");
      search(inputValue ?? "");
    },
  });

  const search = (q: string) => {
    controller.current?.abort();
    if (q.trim().length < 2) {
      setItems([]);
      return;
    }
    const c = new AbortController();
    controller.current = c;
    const params = new URLSearchParams({ q });
    if (kinds?.length) params.set("tipos", kinds.join(","));
    if (uf) params.set("uf", uf);
    fetch(`/api/entes?${params}`, { signal: c.signal })
      .then((r) => (r.ok ? r.json() : { entes: [] }))
      .then((data: { entes: EnteSuggestion[] }) => setItems(data.entes))
      .catch(() => undefined);
  };

  useEffect(() => () => controller.current?.abort(), []);

  return (
    <div className="field combobox">
      <label {...getLabelProps()}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input type="hidden" name={meta.name} value={selectedId} form={meta.formId} />
      <input
        {...getInputProps({
          name: searchMeta.name,
          form: meta.formId,
          type: "text",
          autoComplete: "off",
          "aria-invalid": errors.length ? true : undefined,
          "aria-describedby": [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(" ") || undefined,
        })}
      />
      <ul {...getMenuProps()} className="combobox-list">
        {isOpen &&
          items.map((item, index) => (
            <li
              key={item.id}
              className={`combobox-option${highlightedIndex === index ? " highlighted" : ""}`}
              {...getItemProps({ item, index })}
            >
              {item.label} <small>· {KIND_LABELS[item.kind] ?? ""} · IBGE {item.id}</small>
            </li>
          ))}
      </ul>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
