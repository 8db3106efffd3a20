import { redirect } from "@remix-run/node";

import { forbidden, route } from "~/lib/http.server";
import { canManageOrganizers } from "~/modules/auth/organizers.server";
import { requireActor } from "~/modules/auth/session.server";

export const loader = /* @__PURE__ */ route(async ({ request }) => {
  const actor = await requireActor(request);
  if (!canManageOrganizers(actor)) throw forbidden("Área restrita a administradores.");
  throw redirect("/admin/organizadores");
});
