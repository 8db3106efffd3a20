// Wording shared by the templates.
import { paragraph } from "./blocks";

/** “Título do evento”, with typographic quotes. */
export const quoted = (title: string) => `“${title}”`;

/** "Olá, Maria," — or just "Olá," for an address that has no account (and so no name) yet. */
export const greeting = (personName: string | null) => paragraph(personName ? `Olá, ${personName},` : "Olá,");

export const INVITE_ATTACHED = "O convite para a sua agenda segue anexo.";
export const UPDATED_INVITE_ATTACHED = "O convite atualizado segue anexo: abra-o para atualizar o evento na sua agenda.";
export const CALENDAR_REMOVED = "O evento sai da sua agenda: o cancelamento do convite segue anexo.";
