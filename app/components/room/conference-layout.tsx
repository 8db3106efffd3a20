// "conferencia" (oficinas, videoconferências, encontros): everyone's camera in a grid, shared
// screens first; people and chat beside it.
import { isTrackReference, useTracks } from "@livekit/components-react";
import { RoomEvent, Track } from "livekit-client";
import { useId, useState } from "react";

import { PeopleList } from "./people-list";
import { RoomChat, type RoomChatState } from "./room-chat";
import { RoomControls } from "./room-controls";
import type { RoomRole } from "./roles";
import type { ProblemReporter } from "./use-room-problems";
import { useUnread } from "./use-unread";
import { VideoGrid } from "./video-grid";

const SOURCES = [
  { source: Track.Source.ScreenShare, withPlaceholder: false },
  { source: Track.Source.Camera, withPlaceholder: true },
];

export function ConferenceLayout({ role, chat, problems }: { role: RoomRole; chat: RoomChatState; problems: ProblemReporter }) {
  const tracks = useTracks(SOURCES, { updateOnlyOn: [RoomEvent.ActiveSpeakersChanged], onlySubscribed: false });
  const screensFirst = [...tracks].sort((a, b) => Number(b.source === Track.Source.ScreenShare && isTrackReference(b)) - Number(a.source === Track.Source.ScreenShare && isTrackReference(a)));
  const [chatOpen, setChatOpen] = useState(true);
  const unread = useUnread(chat.chatMessages.length, chatOpen);
  const chatId = useId();
  return (
    <div className="room-layout">
      <div className="room-media" data-lk-theme="default">
        <h2 className="visually-hidden">Vídeos</h2>
        <VideoGrid tracks={screensFirst} className="room-videos" />
        <RoomControls role={role} problems={problems}>
          <button type="button" className="room-control" aria-expanded={chatOpen} aria-controls={chatId} onClick={() => setChatOpen((o) => !o)}>
            <span>Chat</span>
            {unread > 0 ? <span className="room-control-state">{unread === 1 ? "1 mensagem nova" : `${unread} mensagens novas`}</span> : null}
          </button>
        </RoomControls>
      </div>
      <div className="room-side">
        <RoomChat chat={chat} id={chatId} hidden={!chatOpen} />
        <PeopleList />
      </div>
    </div>
  );
}
