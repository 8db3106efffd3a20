// URL slugs for events: lower case ASCII words from the title, at most 80 characters.
export function slugify(title: string): string {
  const base = title
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return base || "evento";
}

/** The first of slug, slug-2, slug-3... not yet taken. */
export async function uniqueSlug(title: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  const base = slugify(title);
  if (!(await isTaken(base))) return base;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error("não foi possível gerar um endereço único para o evento");
}

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
