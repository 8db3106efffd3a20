// The video room of a session (route /sala/:sessionId). Nothing of it renders on the server: after
// hydration comes a short step before entering, then the LiveKit room with the layout of the
// event type, and, after leaving, the ways back.
import { LiveKitRoom } from "@livekit/components-react";
import type { DisconnectReason, MediaDeviceFailure, RoomOptions } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";

import { useHydrated } from "~/components/hydrated";

import { PreJoin, type JoinChoices } from "./pre-join";
import { deviceOfKind, leftReason, mediaProblem, problemFromError, tokenLifetimeMs, type LeftReason } from "./problems";
import { RoomLeft } from "./room-left";
import { RoomProblems } from "./room-problems";
import { RoomSession } from "./room-session";
import type { RoomLayout, RoomRole } from "./roles";
import { useRoomProblems } from "./use-room-problems";

export type RoomViewProps = {
  serverUrl: string;
  token: string;
  layout: RoomLayout;
  canPublish: boolean;
  role: RoomRole;
  eventSlug: string;
};

type Phase = { name: "antes" } | { name: "expirada" } | { name: "na-sala"; choices: JoinChoices } | { name: "fora"; reason: LeftReason };

const ROOM_OPTIONS: RoomOptions = { adaptiveStream: true, dynacast: true };
// Reload a little before the token's end, so that it does not expire while connecting.
const tokenExpired = (lifetime: number, age: number) => age > lifetime - Math.min(30_000, lifetime / 4);

function RoomClient({ serverUrl, token, layout, canPublish, role, eventSlug }: RoomViewProps) {
  const [phase, setPhase] = useState<Phase>({ name: "antes" });
  const [loadedAt] = useState(() => Date.now());
  const problems = useRoomProblems();
  const { report, solve } = problems;

  const join = (choices: JoinChoices) => {
    const lifetime = tokenLifetimeMs(token);
    if (lifetime !== null && tokenExpired(lifetime, Date.now() - loadedAt)) {
      setPhase({ name: "expirada" });
      window.location.reload();
      return;
    }
    setPhase({ name: "na-sala", choices });
  };
  const onError = useCallback(
    (error: Error) => {
      const problem = problemFromError(error);
      if (!problem) return;
      report(problem);
      if (problem.key === "conexao") setPhase({ name: "fora", reason: "sem-conexao" });
    },
    [report],
  );
  const onMediaDeviceFailure = useCallback(
    (failure?: MediaDeviceFailure, kind?: MediaDeviceKind) => {
      const device = deviceOfKind(kind);
      if (device) report(mediaProblem(failure, device));
    },
    [report],
  );
  const onDisconnected = useCallback((reason?: DisconnectReason) => setPhase((p) => (p.name === "fora" ? p : { name: "fora", reason: leftReason(reason) })), []);

  // Keyboard and screen reader users land on the room once they are in.
  const room = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (phase.name === "na-sala") room.current?.focus();
  }, [phase.name]);

  const shown = phase.name === "fora" ? problems.problems.filter((p) => p.key === "conexao") : problems.problems;
  return (
    <>
      <RoomProblems problems={shown} onDismiss={solve} />
      {phase.name === "antes" ? <PreJoin role={role} canPublish={canPublish} onJoin={join} /> : null}
      {phase.name === "expirada" ? (
        <p role="status" className="room-status">
          A autorização para entrar expirou: recarregando a página para obter outra…
        </p>
      ) : null}
      {phase.name === "na-sala" ? (
        <div ref={room} tabIndex={-1} className="room-live" role="region" aria-label="Sala ao vivo">
          <LiveKitRoom
            serverUrl={serverUrl}
            token={token}
            connect
            audio={phase.choices.audio}
            video={phase.choices.video}
            options={ROOM_OPTIONS}
            onError={onError}
            onMediaDeviceFailure={onMediaDeviceFailure}
            onDisconnected={onDisconnected}
          >
            <RoomSession layout={layout} role={role} problems={problems} />
          </LiveKitRoom>
        </div>
      ) : null}
      {phase.name === "fora" ? <RoomLeft reason={phase.reason} eventSlug={eventSlug} /> : null}
    </>
  );
}

export function RoomView(props: RoomViewProps) {
  const hydrated = useHydrated();
  return (
    <section className="room" aria-label="Sala de vídeo">
      <noscript>
        <div className="notice notice-warning">
          A sala de vídeo precisa de JavaScript: ative o JavaScript no navegador (ou use outro navegador) e recarregue esta página.
        </div>
      </noscript>
      {hydrated ? (
        <RoomClient {...props} />
      ) : (
        <p role="status" className="room-status">
          Preparando a sala…
        </p>
      )}
    </section>
  );
}
