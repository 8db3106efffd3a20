// The control bar: microphone, camera and (for organizers and speakers) screen sharing, offered
// only when the connection may publish them; then whatever the layout adds (the chat toggle) and
// "Sair". Toggle buttons keep a fixed name and tell their state with aria-pressed, an icon and a word.
import { DisconnectButton, TrackToggle, useLocalParticipant, useLocalParticipantPermissions } from "@livekit/components-react";
import { MediaDeviceFailure, Track } from "livekit-client";
import { useCallback, useMemo, type ReactNode } from "react";

import { mediaProblem, type DeviceKey } from "./problems";
import { canPublishSource, isStaff, supportsScreenSharing, type RoomRole } from "./roles";
import type { ProblemReporter } from "./use-room-problems";

const SCREEN_CAPTURE = { audio: true, selfBrowserSurface: "include" } as const;

function State({ on, words }: { on: boolean; words: [string, string] }) {
  return (
    <span className="room-control-state" aria-hidden="true">
      {on ? words[0] : words[1]}
    </span>
  );
}

function useToggleHandlers(device: DeviceKey, problems: ProblemReporter) {
  const { report, solve } = problems;
  const onDeviceError = useCallback((error: Error) => report(mediaProblem(MediaDeviceFailure.getFailure(error), device)), [report, device]);
  const onChange = useCallback((enabled: boolean) => (enabled ? solve(device) : undefined), [solve, device]);
  return useMemo(() => ({ onDeviceError, onChange }), [onDeviceError, onChange]);
}

export function RoomControls({ role, problems, children }: { role: RoomRole; problems: ProblemReporter; children?: ReactNode }) {
  const permissions = useLocalParticipantPermissions();
  const { isMicrophoneEnabled, isCameraEnabled, isScreenShareEnabled } = useLocalParticipant();
  const mic = useToggleHandlers("microfone", problems);
  const camera = useToggleHandlers("camera", problems);
  const screen = useToggleHandlers("tela", problems);
  const canShareScreen = isStaff(role) && canPublishSource(permissions, Track.Source.ScreenShare) && supportsScreenSharing();
  return (
    <div className="room-controls" role="group" aria-label="Controles da sala">
      {canPublishSource(permissions, Track.Source.Microphone) ? (
        <TrackToggle source={Track.Source.Microphone} className="room-control" {...mic}>
          <span>Microfone</span>
          <State on={isMicrophoneEnabled} words={["ligado", "desligado"]} />
        </TrackToggle>
      ) : null}
      {canPublishSource(permissions, Track.Source.Camera) ? (
        <TrackToggle source={Track.Source.Camera} className="room-control" {...camera}>
          <span>Câmera</span>
          <State on={isCameraEnabled} words={["ligada", "desligada"]} />
        </TrackToggle>
      ) : null}
      {canShareScreen ? (
        <TrackToggle source={Track.Source.ScreenShare} className="room-control" captureOptions={SCREEN_CAPTURE} {...screen}>
          <span>Compartilhar tela</span>
          <State on={isScreenShareEnabled} words={["em andamento", "desligado"]} />
        </TrackToggle>
      ) : null}
      {children}
      <DisconnectButton className="room-control room-control-leave">
        Sair<span className="visually-hidden"> da sala</span>
      </DisconnectButton>
    </div>
  );
}
