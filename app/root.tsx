import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  LiveReload,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";

import { FlashNotice } from "~/components/flash";
import { useNonce } from "~/components/nonce";
import { readFlash } from "~/lib/flash.server";
import { route } from "~/lib/http.server";
import { isOrganizer } from "~/modules/auth/actor";
import { readSession } from "~/modules/auth/session.server";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Apoia SUAS" },
  { name: "description", content: "Encontros, seminários, oficinas, visitas técnicas e transmissões do apoio técnico do SUAS." },
];

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const [session, { flash, clear }] = await Promise.all([readSession(request), readFlash(request)]);
  const actor = session.kind === "active" ? session.actor : null;
  const headers = new Headers();
  if (clear) headers.append("Set-Cookie", clear);
  return json(
    {
      user: actor
        ? {
            name: actor.name,
            isAdmin: actor.isAdmin,
            isOrganizer: isOrganizer(actor),
            enteName: actor.ente.name,
          }
        : null,
      flash,
    },
    { headers },
  );
});

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => {
  const h = new Headers();
  for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
    source?.forEach((value, key) => {
      if (key.toLowerCase() === "set-cookie") h.append(key, value);
    });
  }
  return h;
};

export type RootData = typeof loader;

function Shell({ children, title }: { children: React.ReactNode; title?: string }) {
  const nonce = useNonce();
  return (
    <html lang="pt-BR">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const data = useRouteLoaderData<RootData>("root");
  const user = data?.user ?? null;
  const location = useLocation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#conteudo">
        Ir para o conteúdo principal
      </a>
      <div className="govbar">
        <div className="container">
          <span>Sistema Único de Assistência Social</span>
        </div>
      </div>
      <div className="container header-main">
        <Link to="/" className="brand">
          <span className="brand-name">Apoia SUAS</span>
          <span className="brand-tagline">Apoio técnico do SUAS</span>
        </Link>
        <nav aria-label="Menu principal" className="main-nav">
          <ul>
            <li>
              <NavLink to="/eventos">Eventos</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/minhas-inscricoes">Minhas inscrições</NavLink>
                </li>
                <li>
                  <NavLink to="/meus-certificados">Meus certificados</NavLink>
                </li>
              </>
            ) : null}
            {user?.isOrganizer ? (
              <>
                <li>
                  <NavLink to="/organizar">Organizar</NavLink>
                </li>
                <li>
                  <NavLink to="/painel">Painel</NavLink>
                </li>
              </>
            ) : null}
            {user?.isAdmin ? (
              <li>
                <NavLink to="/admin">Administração</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="account">
          {user ? (
            <>
              <Link to="/perfil" className="account-name">
                {user.name}
                <span className="visually-hidden">: meu perfil</span>
              </Link>
              <Form method="post" action="/sair">
                <button type="submit" className="button button-secondary button-small">
                  Sair
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to={`/entrar?redirectTo=${encodeURIComponent(location.pathname + location.search)}`} className="button button-small">
                Entrar
              </Link>
              <Link to="/cadastro" className="button button-secondary button-small">
                Criar conta
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function Footer() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <strong>Apoia SUAS</strong> — encontros, seminários, oficinas, visitas técnicas, videoconferências e
          transmissões ao vivo do apoio técnico previsto na Resolução CNAS nº 3/2019.
        </p>
        <p>
          <Link to="/certificados/validar">Validar um certificado</Link>
        </p>
        <p className="muted">Dados territoriais e populacionais: IBGE (Censo Demográfico 2022).</p>
      </div>
    </footer>
  );
}

export default function App() {
  const { flash } = useLoaderData<RootData>();
  return (
    <Shell>
      <Header />
      <main id="conteudo" tabIndex={-1} className="container main">
        {flash ? <FlashNotice flash={flash} /> : null}
        <Outlet />
      </main>
      <Footer />
    </Shell>
  );
}

const ERROR_TEXT: Record<number, { title: string; text: string }> = {
  400: { title: "Pedido inválido", text: "Algo no endereço ou no formulário não está certo." },
  403: { title: "Acesso não permitido", text: "Você não tem permissão para ver ou fazer isso." },
  404: { title: "Página não encontrada", text: "O endereço pode estar errado, ou o conteúdo não existe mais." },
  409: { title: "Não foi possível concluir", text: "A situação mudou enquanto você usava a página." },
  410: { title: "Não está mais disponível", text: "Este link ou documento não vale mais." },
  413: { title: "Envio grande demais", text: "O conteúdo enviado passa do limite." },
  429: { title: "Muitas tentativas", text: "Aguarde alguns minutos e tente de novo." },
  500: { title: "Erro no servidor", text: "Algo deu errado do nosso lado. Tente de novo em instantes." },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail =
    isRouteErrorResponse(error) && error.data && typeof error.data === "object" && "message" in error.data
      ? String((error.data as { message: unknown }).message)
      : isRouteErrorResponse(error) && typeof error.data === "string" && status < 500
        ? error.data
        : null;
  const text = ERROR_TEXT[status] ?? ERROR_TEXT[500]!;
  return (
    <Shell title={`${text.title} — Apoia SUAS`}>
      <Header />
      <main id="conteudo" tabIndex={-1} className="container main">
        <div className="error-page">
          <p className="error-code">Erro {status}</p>
          <h1>{text.title}</h1>
          <p>{detail ?? text.text}</p>
          <p>
            <Link to="/">Voltar à página inicial</Link> · <Link to="/eventos">Ver a agenda de eventos</Link>
          </p>
        </div>
      </main>
      <Footer />
    </Shell>
  );
}
