// One video (camera or shared screen) with its caption in Portuguese: whose it is, whether the
// microphone is off and whether the person is speaking, in words as well as the highlight.
import {
  isTrackReference,
  ParticipantTile,
  useEnsureTrackRef,
  useIsMuted,
  useIsSpeaking,
  useParticipantInfo,
  VideoTrack,
  type TrackReferenceOrPlaceholder,
} from "@livekit/components-react";
import { Track } from "livekit-client";

function initials(name: string): string {
  const words = name.split("—")[0]!.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? "") + (words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "")).toUpperCase();
}

function TileCaption({ trackRef, name }: { trackRef: TrackReferenceOrPlaceholder; name: string }) {
  const participant = trackRef.participant;
  const speaking = useIsSpeaking(participant);
  const micMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  if (trackRef.source === Track.Source.ScreenShare) {
    return (
      <div className="lk-participant-metadata">
        <div className="lk-participant-metadata-item room-tile-caption">Tela de {name}</div>
      </div>
    );
  }
  return (
    <div className="lk-participant-metadata">
      <div className="lk-participant-metadata-item room-tile-caption">
        <span className="room-tile-name">
          {name}
          {participant.isLocal ? " (você)" : ""}
        </span>
        {micMuted ? <span className="room-tile-flag">microfone desligado</span> : null}
        {speaking ? <span className="room-tile-flag room-tile-flag-speaking">falando</span> : null}
      </div>
    </div>
  );
}

export function RoomTile({ trackRef }: { trackRef?: TrackReferenceOrPlaceholder }) {
  const ref = useEnsureTrackRef(trackRef);
  const info = useParticipantInfo({ participant: ref.participant });
  const name = info.name || info.identity || "Participante";
  const screen = ref.source === Track.Source.ScreenShare;
  return (
    <ParticipantTile trackRef={ref} role="group" aria-label={screen ? `Tela compartilhada por ${name}` : `Câmera de ${name}`}>
      {isTrackReference(ref) ? <VideoTrack trackRef={ref} /> : null}
      <div className="lk-participant-placeholder">
        <span className="room-tile-initials" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="room-tile-off">câmera desligada</span>
      </div>
      <TileCaption trackRef={ref} name={name} />
    </ParticipantTile>
  );
}
