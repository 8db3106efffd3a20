// Everything inside the connected room: connection status, the layout of the event type, the
// remote sound, and the button browsers sometimes require before playing it.
import { RoomAudioRenderer, StartAudio, useChat, useConnectionState } from "@livekit/components-react";
import { ConnectionState } from "livekit-client";

import { ConferenceLayout } from "./conference-layout";
import type { RoomLayout, RoomRole } from "./roles";
import { StageLayout } from "./stage-layout";
import type { ProblemReporter } from "./use-room-problems";

const STATUS: Partial<Record<ConnectionState, string>> = {
  [ConnectionState.Connecting]: "Conectando à sala…",
  [ConnectionState.Connected]: "Você está na sala.",
  [ConnectionState.Reconnecting]: "A conexão caiu: tentando reconectar…",
  [ConnectionState.SignalReconnecting]: "A conexão caiu: tentando reconectar…",
};

function ConnectionStatus() {
  const state = useConnectionState();
  return (
    <p role="status" className="room-connection" data-state={state}>
      {STATUS[state] ?? ""}
    </p>
  );
}

export function RoomSession({ layout, role, problems }: { layout: RoomLayout; role: RoomRole; problems: ProblemReporter }) {
  const chat = useChat();
  return (
    <>
      <div className="room-topbar">
        <ConnectionStatus />
        <StartAudio label="Ativar o som da sala" className="room-start-audio" />
      </div>
      {layout === "palco" ? <StageLayout role={role} chat={chat} problems={problems} /> : <ConferenceLayout role={role} chat={chat} problems={problems} />}
      <RoomAudioRenderer />
    </>
  );
}
