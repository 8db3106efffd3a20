// "palco" (transmissões ao vivo, seminários): only the people who publish (organizers and
// speakers) appear, large; a shared screen takes the stage with the cameras beside it. The chat
// and the list of people are beside the stage.
import { isTrackReference, TrackLoop, useTracks, type TrackReferenceOrPlaceholder } from "@livekit/components-react";
import { Track } from "livekit-client";

import { PeopleList } from "./people-list";
import { RoomChat, type RoomChatState } from "./room-chat";
import { RoomControls } from "./room-controls";
import { RoomTile } from "./room-tile";
import type { RoomRole } from "./roles";
import type { ProblemReporter } from "./use-room-problems";
import { VideoGrid } from "./video-grid";

const SOURCES = [
  { source: Track.Source.ScreenShare, withPlaceholder: false },
  { source: Track.Source.Camera, withPlaceholder: true },
];

/** A camera placeholder is on the stage only while its person publishes something (the microphone). */
const onStage = (ref: TrackReferenceOrPlaceholder) => isTrackReference(ref) || ref.participant.trackPublications.size > 0;

function Stage() {
  const tracks = useTracks(SOURCES, { onlySubscribed: false }).filter(onStage);
  const screen = tracks.find((t) => t.source === Track.Source.ScreenShare);
  if (!tracks.length) {
    return (
      <div className="room-stage-empty">
        <p>Ninguém está no palco agora. A transmissão aparece aqui assim que a organização ou os palestrantes ligarem a câmera ou o microfone.</p>
      </div>
    );
  }
  if (!screen) return <VideoGrid tracks={tracks} className="room-videos room-videos-stage" />;
  const others = tracks.filter((t) => t !== screen);
  return (
    <div className="room-stage-focus">
      <div className="room-stage-main">
        <RoomTile trackRef={screen} />
      </div>
      {others.length ? (
        <div className="room-stage-strip">
          <TrackLoop tracks={others}>
            <RoomTile />
          </TrackLoop>
        </div>
      ) : null}
    </div>
  );
}

export function StageLayout({ role, chat, problems }: { role: RoomRole; chat: RoomChatState; problems: ProblemReporter }) {
  return (
    <div className="room-layout">
      <div className="room-media" data-lk-theme="default">
        <h2 className="visually-hidden">Palco</h2>
        <Stage />
        <RoomControls role={role} problems={problems} />
      </div>
      <div className="room-side">
        <RoomChat chat={chat} id="sala-chat" />
        <PeopleList />
      </div>
    </div>
  );
}
