// GET /sala/:sessionId — the session's video room: confirmed participants, organizers and speakers,
// from shortly before the start until the end.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { RoomView } from "~/components/room/room-view";
import { route } from "~/lib/http.server";
import { requireActor } from "~/modules/auth/session.server";
import { ROOM_ROLE_LABELS } from "~/modules/rooms/policy";
import { joinRoom } from "~/modules/rooms/rooms.server";
import livekitStyles from "@livekit/components-styles";

// The package types its stylesheet as a CSS-modules map; the classic compiler gives the file URL.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: livekitStyles as unknown as string }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Sala: ${data.session.title} — ${data.event.title} — Apoia SUAS` : "Sala — Apoia SUAS" },
];

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireActor(request);
  const result = await joinRoom(actor, params.sessionId ?? "");
  return json(result, { headers: { "Cache-Control": "private, no-store" } });
});

export default function RoomPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="room-page">
      <p>
        <Link to={`/eventos/${data.event.slug}`}>‹ {data.event.title}</Link>
      </p>
      <h1>{data.session.title}</h1>
      <p className="muted">
        {data.session.range} ({data.session.zoneLabel}) · Você entra como {ROOM_ROLE_LABELS[data.role]}.
      </p>
      {data.state === "aberta" ? (
        <RoomView
          serverUrl={data.serverUrl}
          token={data.token}
          layout={data.layout}
          canPublish={data.canPublish}
          role={data.role}
          eventSlug={data.event.slug}
        />
      ) : data.state === "cedo" ? (
        <div className="notice" role="status">
          A sala ainda não abriu: ela abre em {data.opensAtText} ({data.session.zoneLabel}). Volte a esta página nesse horário.
        </div>
      ) : (
        <div className="notice" role="status">
          Esta sessão já terminou. A sua presença fica registrada na página do evento.
        </div>
      )}
    </div>
  );
}
