// After leaving (or being disconnected): the way back to the event, or a fresh entry. Entering
// again reloads the page, because the join token is short-lived and the page brings a new one.
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";

import { LEFT_TEXT, type LeftReason } from "./problems";

export function RoomLeft({ reason, eventSlug }: { reason: LeftReason; eventSlug: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="room-left panel" aria-labelledby="sala-saida-titulo">
      <h2 id="sala-saida-titulo" ref={heading} tabIndex={-1}>
        {reason === "sem-conexao" ? "Não foi possível entrar na sala" : "Você saiu da sala"}
      </h2>
      <p>{LEFT_TEXT[reason]}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Entrar de novo
        </button>
        <Link to={`/eventos/${eventSlug}`} className="button button-secondary">
          Voltar à página do evento
        </Link>
      </div>
    </section>
  );
}
