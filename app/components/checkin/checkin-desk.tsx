// The organizer's check-in desk on a phone: counters, entry/exit mode, camera, typed badge code,
// search by name or CPF, the last scans with their sending state, and the walk-in form.
import { Link } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";

import { formatTime } from "~/lib/time";
import { findPeople, queryKind, type DevicePerson, type Kind } from "~/modules/attendance/checkin-device";

import { forgetSession, type DeskSheet, type ServerAnswer, type StoredScan } from "./checkin-store";
import { QrCamera } from "./qr-camera";
import { useCheckinDesk, useOfflinePage, type OfflineReady, type SyncState } from "./use-checkin-desk";
import { WalkInForm } from "./walk-in-form";

const SAME_CODE_PAUSE_MS = 4_000;

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString("pt-BR")} ${many}`);

export function CheckinDesk({ sheet: loaderSheet, range, zoneLabel, here }: { sheet: DeskSheet; range: string; zoneLabel: string; here: string }) {
  const desk = useCheckinDesk(loaderSheet, { sync: `${here}/sincronizar`, status: `${here}/contagem` });
  const offline = useOfflinePage(loaderSheet.event.slug);
  const { sheet } = desk;
  const [mode, setMode] = useState<Kind>("ENTRADA");

  // The camera reports the same badge many times a second: each code counts once every few seconds.
  const seen = useRef(new Map<string, number>());
  const { scanBadge } = desk;
  const onCode = useCallback(
    (text: string) => {
      const at = Date.now();
      const last = seen.current.get(text);
      if (last && at - last < SAME_CODE_PAUSE_MS) return;
      seen.current.set(text, at);
      void scanBadge(text, mode);
    },
    [scanBadge, mode],
  );

  const [code, setCode] = useState("");
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    void scanBadge(code, mode);
    setCode("");
  };

  const [walkIns, setWalkIns] = useState(0);
  const { addWalkIn } = desk;
  const onWalkIn = useCallback(
    ({ person, result }: { person: DevicePerson; result: ServerAnswer }) => {
      setWalkIns((n) => n + 1);
      void addWalkIn(person, result);
    },
    [addWalkIn],
  );

  const action = mode === "ENTRADA" ? "entrada" : "saída";
  return (
    <div className="checkin">
      <p>
        <Link to={`/organizar/eventos/${sheet.event.slug}`}>‹ {sheet.event.title}</Link>
      </p>
      <h1>Check-in: {sheet.session.title}</h1>
      <p className="muted">
        {range} — {zoneLabel}
      </p>
      <p className="checkin-count">
        Presentes <strong>{desk.present.size.toLocaleString("pt-BR")}</strong> de <strong>{desk.expectedCount.toLocaleString("pt-BR")}</strong> esperados
      </p>
      <ConnectionBar online={desk.online} sync={desk.sync} pending={desk.pending} offline={offline} here={here} onSend={() => void desk.syncNow()} />
      {desk.storageProblem ? (
        <p className="notice notice-warning" role="alert">
          {desk.storageProblem}
        </p>
      ) : null}

      <fieldset className="checkin-mode">
        <legend>Registrar</legend>
        {(["ENTRADA", "SAIDA"] as const).map((k) => (
          <label key={k} className={`checkin-mode-option${mode === k ? " checked" : ""}`}>
            <input type="radio" name="modo" value={k} checked={mode === k} onChange={() => setMode(k)} />
            <span>{k === "ENTRADA" ? "Entrada" : "Saída"}</span>
          </label>
        ))}
      </fieldset>

      <div className={`checkin-result checkin-result-${desk.announcement?.tone ?? "vazio"}`} role="status" aria-live="polite" aria-atomic="true">
        {desk.announcement ? <p key={desk.announcement.n}>{desk.announcement.message}</p> : <p className="muted">Leia um crachá ou busque a pessoa pelo nome ou CPF.</p>}
      </div>

      <QrCamera onCode={onCode} />

      <form className="checkin-code" onSubmit={submitCode}>
        <label htmlFor="codigo-cracha">Código do crachá</label>
        <span className="hint" id="codigo-cracha-dica">
          Se a câmera não ler, digite ou cole o código impresso abaixo do QR (começa com AS1).
        </span>
        <div className="checkin-inline">
          <input
            id="codigo-cracha"
            type="text"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby="codigo-cracha-dica"
          />
          <button type="submit" className="button checkin-big">
            Registrar {action}
            <span className="visually-hidden"> pelo código</span>
          </button>
        </div>
      </form>

      <PersonSearch desk={desk} mode={mode} />

      <RecentScans scans={desk.scans} timeZone={sheet.event.timeZone} />

      {/* A new form after each walk-in: the ente picker starts empty again. */}
      <WalkInForm key={walkIns} action={here} online={desk.online} onDone={onWalkIn} />

      <ForgetDevice sessionId={sheet.session.id} pending={desk.pending} />
    </div>
  );
}

function ConnectionBar({ online, sync, pending, offline, here, onSend }: { online: boolean; sync: SyncState; pending: number; offline: OfflineReady; here: string; onSend: () => void }) {
  const waiting = plural(pending, "leitura aguardando envio", "leituras aguardando envio");
  let text: string;
  if (sync.kind === "sessao-expirada") text = `Sua sessão expirou: entre de novo para enviar (${waiting}; elas continuam guardadas neste aparelho).`;
  else if (!online || sync.kind === "sem-conexao") text = pending ? `Sem conexão: ${waiting}, guardadas neste aparelho. Serão enviadas quando a conexão voltar.` : "Sem conexão: as leituras ficam guardadas neste aparelho e são enviadas quando a conexão voltar.";
  else if (sync.kind === "enviando") text = `Enviando: ${waiting}…`;
  else if (sync.kind === "erro") text = `${sync.message} (${waiting})`;
  else text = pending ? `Conectado: ${waiting}.` : "Conectado: todas as leituras foram enviadas.";
  const tone = !online || sync.kind === "sem-conexao" || sync.kind === "erro" || sync.kind === "sessao-expirada" ? "notice-warning" : "";
  return (
    <div className={`notice checkin-connection ${tone}`}>
      <p role="status" aria-live="polite">
        {text}
      </p>
      <div className="checkin-inline">
        {sync.kind === "sessao-expirada" ? (
          <a className="button button-secondary button-small" href={`/entrar?redirectTo=${encodeURIComponent(here)}`}>
            Entrar de novo
          </a>
        ) : null}
        {pending && online && sync.kind !== "enviando" ? (
          <button type="button" className="button button-secondary button-small" onClick={onSend}>
            Enviar agora
          </button>
        ) : null}
      </div>
      <p className="small checkin-offline-state">
        {offline === "pronto"
          ? "Esta página funciona sem conexão neste aparelho."
          : offline === "verificando"
            ? "Preparando esta página para funcionar sem conexão…"
            : "Este navegador não guarda a página para uso sem conexão: evite recarregá-la sem internet."}
      </p>
    </div>
  );
}

function PersonSearch({ desk, mode }: { desk: ReturnType<typeof useCheckinDesk>; mode: Kind }) {
  const [query, setQuery] = useState("");
  const [typedKey, setTypedKey] = useState<{ query: string; key: string } | null>(null);
  const kind = queryKind(query);
  const { hashCpf } = desk;
  useEffect(() => {
    if (kind !== "cpf") return;
    let cancelled = false;
    void hashCpf(query).then((key) => {
      if (!cancelled) setTypedKey({ query, key });
    });
    return () => {
      cancelled = true;
    };
  }, [kind, query, hashCpf]);
  const key = typedKey?.query === query ? typedKey.key : null;
  const found = findPeople(desk.sheet.expected, query, key);
  const verb = mode === "ENTRADA" ? "Registrar entrada" : "Registrar saída";
  return (
    <section aria-labelledby="busca-titulo" className="checkin-panel">
      <h2 id="busca-titulo">Buscar na lista de inscritos</h2>
      <div className="field">
        <label htmlFor="busca-pessoa">Nome ou CPF</label>
        <span className="hint" id="busca-pessoa-dica">
          Acentos e maiúsculas não importam. O CPF precisa dos 11 dígitos.
        </span>
        <input
          id="busca-pessoa"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          autoComplete="off"
          aria-describedby="busca-pessoa-dica busca-resumo"
        />
      </div>
      <p id="busca-resumo" className="small muted" aria-live="polite">
        {kind === "vazia"
          ? `${plural(desk.sheet.expected.length, "pessoa inscrita", "pessoas inscritas")} nesta lista.`
          : kind === "cpf-incompleto"
            ? "Digite os 11 dígitos do CPF."
            : found.length
              ? plural(found.length, "pessoa encontrada", "pessoas encontradas") + (found.length === 20 ? " (as 20 primeiras; refine a busca)" : "") + "."
              : "Ninguém encontrado na lista. Se a pessoa não se inscreveu, use a inscrição na hora."}
      </p>
      {found.length ? (
        <ul className="checkin-people">
          {found.map((p) => {
            const inside = desk.present.has(p.registrationId);
            return (
              <li key={p.registrationId} className="checkin-person">
                <div>
                  <strong>{p.name}</strong>
                  <div className="small muted">
                    {p.ente}
                    {p.cpfMasked ? ` · CPF ${p.cpfMasked}` : ""}
                  </div>
                  <span className={`tag ${inside ? "tag-green" : ""}`}>{inside ? "Presente" : "Ainda não entrou"}</span>
                </div>
                <button type="button" className="button checkin-big" onClick={() => void desk.checkPerson(p.registrationId, mode)}>
                  {verb}
                  <span className="visually-hidden"> de {p.name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

const STATUS_LABELS: Record<StoredScan["status"], string> = {
  pendente: "Aguardando envio",
  enviada: "Enviada",
  recusada: "Recusada",
  repetida: "Repetida",
};

const STATUS_TAGS: Record<StoredScan["status"], string> = { pendente: "tag-yellow", enviada: "tag-green", recusada: "tag-red", repetida: "tag-blue" };

function RecentScans({ scans, timeZone }: { scans: StoredScan[]; timeZone: string }) {
  const recent = scans.slice(0, 15);
  return (
    <section aria-labelledby="ultimas-titulo" className="checkin-panel">
      <h2 id="ultimas-titulo">Últimas leituras deste aparelho</h2>
      {recent.length ? (
        <ol className="checkin-scans">
          {recent.map((s) => (
            <li key={s.id} className={`checkin-scan checkin-scan-${s.status}`}>
              <span className="checkin-scan-time">{formatTime(new Date(s.at), timeZone)}</span>
              <span className="checkin-scan-text">
                <strong>{s.name ?? "Crachá não reconhecido"}</strong> · {s.kind === "ENTRADA" ? "entrada" : "saída"}
                {s.method === "busca" ? " (busca)" : s.method === "avulso" ? " (inscrição na hora)" : " (QR)"}
                <span className="small checkin-scan-message">{s.message}</span>
              </span>
              <span className={`tag ${STATUS_TAGS[s.status]}`}>
                {STATUS_LABELS[s.status]}
                {s.status === "enviada" && s.duplicate ? " · já registrada" : ""}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">Nenhuma leitura ainda.</p>
      )}
    </section>
  );
}

function ForgetDevice({ sessionId, pending }: { sessionId: string; pending: number }) {
  const [done, setDone] = useState<string | null>(null);
  const forget = async () => {
    const kept = await forgetSession(sessionId).catch(() => -1);
    setDone(
      kept < 0
        ? "Não foi possível apagar os dados deste aparelho."
        : kept
          ? `As leituras já enviadas foram apagadas; ${plural(kept, "leitura pendente continua", "leituras pendentes continuam")} guardada(s) até o envio.`
          : "Os dados desta sessão foram apagados deste aparelho. Ao recarregar a página com conexão, a lista é baixada de novo.",
    );
  };
  return (
    <details className="checkin-forget">
      <summary>Dados guardados neste aparelho</summary>
      <p className="small">
        Para funcionar sem conexão, esta página guarda neste aparelho a lista de inscritos da sessão (nomes, entes e CPF mascarado) e as
        leituras feitas aqui. Em aparelho compartilhado, apague-os ao terminar.
      </p>
      <button type="button" className="button button-secondary" onClick={() => void forget()} disabled={pending > 0}>
        Apagar os dados desta sessão deste aparelho
      </button>
      {pending > 0 ? <p className="small muted">Há leituras aguardando envio: envie-as antes de apagar.</p> : null}
      {done ? (
        <p className="small" role="status">
          {done}
        </p>
      ) : null}
    </details>
  );
}
