// Any unknown address: the friendly 404 page of the root error boundary.
import { route, notFound } from "~/lib/http.server";

export const loader = /* @__PURE__ */ route(async () => {
  throw notFound("O endereço pode estar errado, ou o conteúdo não existe mais.");
});

export const action = loader;

export default function NotFound() {
  return null;
}
