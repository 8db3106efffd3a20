// Who is in the room, with their role and, in words, who is speaking now.
import { useIsMuted, useIsSpeaking, useParticipantInfo, useParticipants } from "@livekit/components-react";
import { Track, type Participant } from "livekit-client";
import { useId } from "react";

import { ROLE_LABELS, roleOf, type RoomRole } from "./roles";

const ROLE_ORDER: Record<RoomRole, number> = { ORGANIZADOR: 0, PALESTRANTE: 1, PARTICIPANTE: 2, ESPECTADOR: 2 };

function order(a: Participant, b: Participant): number {
  if (a.isLocal !== b.isLocal) return a.isLocal ? -1 : 1;
  const ra = ROLE_ORDER[roleOf(a) ?? "PARTICIPANTE"];
  const rb = ROLE_ORDER[roleOf(b) ?? "PARTICIPANTE"];
  if (ra !== rb) return ra - rb;
  return (a.name || a.identity).localeCompare(b.name || b.identity, "pt-BR");
}

function SpeakerIcon() {
  return (
    <svg className="room-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M2 6h3l4-3v10L5 10H2z" fill="currentColor" />
      <path d="M11 5.5a3.5 3.5 0 0 1 0 5M12.5 3.5a6 6 0 0 1 0 9" stroke="currentColor" strokeWidth="1.5" fill="none" strokeLinecap="round" />
    </svg>
  );
}

function Person({ participant }: { participant: Participant }) {
  const { name, identity } = useParticipantInfo({ participant });
  const speaking = useIsSpeaking(participant);
  const micMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  const role = roleOf(participant);
  return (
    <li className="room-person" data-speaking={speaking || undefined}>
      <span className="room-person-name">
        {name || identity}
        {participant.isLocal ? " (você)" : ""}
      </span>
      <span className="room-person-facts">
        {role ? <span className="room-badge">{ROLE_LABELS[role]}</span> : null}
        {speaking ? (
          <span className="room-badge room-badge-speaking">
            <SpeakerIcon />
            falando agora
          </span>
        ) : micMuted && participant.permissions?.canPublish ? (
          <span className="room-badge room-badge-muted">microfone desligado</span>
        ) : null}
      </span>
    </li>
  );
}

export function PeopleList() {
  const participants = useParticipants();
  const id = useId();
  const sorted = [...participants].sort(order);
  return (
    <section className="room-panel room-people" aria-labelledby={id}>
      <h2 id={id}>
        Pessoas na sala <span className="room-count">({sorted.length})</span>
      </h2>
      <ul className="room-people-list">
        {sorted.map((p) => (
          <Person key={p.identity} participant={p} />
        ))}
      </ul>
    </section>
  );
}
