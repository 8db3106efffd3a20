import { Link } from "@remix-run/react";

import type { PresentedCard } from "~/modules/events/presenters";

export function EventTags({ e }: { e: Pick<PresentedCard, "typeLabel" | "formatLabel" | "scopeLabel" | "status" | "statusLabel" | "inviteOnly"> }) {
  return (
    <ul className="tags" aria-label="Características">
      <li className="tag tag-blue">{e.typeLabel}</li>
      <li className="tag">{e.formatLabel}</li>
      <li className="tag">{e.scopeLabel}</li>
      {e.inviteOnly ? <li className="tag tag-yellow">Somente convidados</li> : null}
      {e.status === "CANCELADO" ? <li className="tag tag-red">Cancelado</li> : null}
      {e.status === "RASCUNHO" ? <li className="tag tag-yellow">Rascunho</li> : null}
    </ul>
  );
}

export function EventCardView({ e, href, headingLevel = 3 }: { e: PresentedCard; href?: string; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card">
      <EventTags e={e} />
      <H>
        <Link to={href ?? `/eventos/${e.slug}`}>{e.title}</Link>
      </H>
      <p className="meta">
        <strong>{e.when}</strong> <span className="muted">({e.zone})</span>
      </p>
      <p className="meta">{e.where}</p>
      <p className="meta">Organização: {e.organizer}</p>
      {e.status === "PUBLICADO" && !e.past ? <p className={`meta ${e.full ? "" : "muted"}`}>{e.seats}</p> : null}
    </li>
  );
}
