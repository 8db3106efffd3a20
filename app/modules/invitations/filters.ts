// Shared by the server and the invitations page (browser). Pure.
export const MAX_QUOTA = 500;
export const INVITATION_FILTERS = ["todos", "sem-resposta", "aceitos", "recusados"] as const;
export type InvitationFilter = (typeof INVITATION_FILTERS)[number];
export const INVITATION_STATUS_LABELS: Record<string, string> = { PENDENTE: "Sem resposta", ACEITO: "Aceito", RECUSADO: "Recusado" };
