import { Link } from "@remix-run/react";

/** "‹ Anterior · Página 2 de 5 · Próxima ›"; `href(page)` builds each link keeping the filters. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Paginação">
      {page > 1 ? <Link to={href(page - 1)}>‹ Anterior</Link> : null}
      <span aria-current="page">
        Página {page} de {pages}
      </span>
      {page < pages ? <Link to={href(page + 1)}>Próxima ›</Link> : null}
    </nav>
  );
}

/** The current search parameters with another page number. */
export function withPage(search: string | URLSearchParams, page: number): string {
  const params = new URLSearchParams(search);
  params.set("pagina", String(page));
  return `?${params}`;
}
