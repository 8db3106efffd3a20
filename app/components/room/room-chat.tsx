// The room's chat (LiveKit's chat messages), in Portuguese. Messages last only while the room is
// open: they are not stored anywhere.
import type { ReceivedChatMessage, useChat } from "@livekit/components-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

export const CHAT_MAX_LENGTH = 500;

export type RoomChatState = ReturnType<typeof useChat>;

const TIME = new Intl.DateTimeFormat("pt-BR", { hour: "2-digit", minute: "2-digit", hour12: false });

function ChatItem({ message }: { message: ReceivedChatMessage }) {
  const sender = message.from?.isLocal ? "Você" : message.from?.name || message.from?.identity || "Alguém";
  const at = new Date(message.timestamp);
  return (
    <li className="room-chat-message">
      <span className="room-chat-meta">
        <strong>{sender}</strong> <time dateTime={at.toISOString()}>{TIME.format(at)}</time>
      </span>
      <span className="room-chat-text">{message.message}</span>
    </li>
  );
}

export function RoomChat({ chat, id, hidden = false }: { chat: RoomChatState; id: string; hidden?: boolean }) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const log = useRef<HTMLDivElement>(null);
  const ids = useId();
  const count = chat.chatMessages.length;
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [count]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    try {
      await chat.send(text.slice(0, CHAT_MAX_LENGTH));
      setDraft("");
      setError(null);
    } catch {
      setError("Não foi possível enviar a mensagem: verifique sua conexão e tente de novo.");
    }
  };

  return (
    <section id={id} className="room-panel room-chat" aria-labelledby={`${ids}-titulo`} hidden={hidden}>
      <h2 id={`${ids}-titulo`}>Chat</h2>
      <div ref={log} className="room-chat-log" role="region" aria-label="Mensagens do chat" tabIndex={count > 0 ? 0 : -1}>
        {count === 0 ? <p className="muted small">Nenhuma mensagem ainda. As mensagens valem só durante a sessão e não ficam guardadas.</p> : null}
        <ol className="room-chat-list" aria-live="polite" aria-relevant="additions">
          {chat.chatMessages.map((m) => (
            <ChatItem key={m.id} message={m} />
          ))}
        </ol>
      </div>
      <form className="room-chat-form" onSubmit={submit}>
        <label htmlFor={`${ids}-mensagem`}>Mensagem</label>
        <span className="hint" id={`${ids}-dica`}>
          Até {CHAT_MAX_LENGTH} caracteres. Todas as pessoas na sala veem.
        </span>
        <div className="room-chat-row">
          <input
            type="text"
            id={`${ids}-mensagem`}
            value={draft}
            maxLength={CHAT_MAX_LENGTH}
            autoComplete="off"
            aria-describedby={`${ids}-dica`}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button" disabled={chat.isSending}>
            Enviar
          </button>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
