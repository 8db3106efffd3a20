import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { EventCardView } from "~/components/event-card";
import { route } from "~/lib/http.server";
import { getActor } from "~/modules/auth/session.server";
import { upcomingEvents } from "~/modules/events/catalog.server";
import { presentCard } from "~/modules/events/presenters";

export const meta: MetaFunction = () => [{ title: "Apoia SUAS — apoio técnico do Sistema Único de Assistência Social" }];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const [actor, events] = await Promise.all([getActor(request), upcomingEvents(6)]);
  return json({ signedIn: !!actor, events: events.map((e) => presentCard(e)) });
});

export default function Home() {
  const { signedIn, events } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="boas-vindas">
        <h1 id="boas-vindas">Apoio técnico do SUAS, do país ao município</h1>
        <p>
          Encontros, seminários, oficinas, visitas técnicas, videoconferências e transmissões ao vivo oferecidos pela
          União aos estados e pelos estados aos seus municípios.
        </p>
        <div className="button-row">
          <Link to="/eventos" className="button button-secondary">
            Ver a agenda completa
          </Link>
          {!signedIn ? (
            <Link to="/cadastro" className="button button-secondary">
              Criar minha conta
            </Link>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="proximos">
        <h2 id="proximos">Próximos eventos</h2>
        {events.length ? (
          <ul className="cards">
            {events.map((e) => (
              <EventCardView key={e.slug} e={e} />
            ))}
          </ul>
        ) : (
          <p>Nenhum evento aberto no momento.</p>
        )}
      </section>
    </>
  );
}
