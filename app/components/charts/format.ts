// Brazilian Portuguese number, percentage and month formats shared by the charts (and by the
// routes that build their `label`/`display` strings, so a chart and its page read the same).

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(maximumFractionDigits: number): Intl.NumberFormat {
  let f = numberFormats.get(maximumFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat("pt-BR", { maximumFractionDigits });
    numberFormats.set(maximumFractionDigits, f);
  }
  return f;
}

/** "1.234", "12,5": pt-BR grouping and decimal comma, at most `maximumFractionDigits` decimals. */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return numberFormat(maximumFractionDigits).format(value);
}

/** A share (0.425) as "42,5 %" — the space before % as elsewhere in the app (presence rule). */
export function formatPercent(share: number, maximumFractionDigits = 1): string {
  return `${formatNumber(share * 100, maximumFractionDigits)} %`;
}

const MONTHS_SHORT = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"] as const;
const MONTHS_LONG = [
  "janeiro",
  "fevereiro",
  "março",
  "abril",
  "maio",
  "junho",
  "julho",
  "agosto",
  "setembro",
  "outubro",
  "novembro",
  "dezembro",
] as const;

function parseMonth(month: string): { year: string; index: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const index = Number(m[2]) - 1;
  return index >= 0 && index < 12 ? { year: m[1]!, index } : null;
}

/** "2026-01" → "jan/26" (axis labels); anything else is returned as given. */
export function formatMonthShort(month: string): string {
  const p = parseMonth(month);
  return p ? `${MONTHS_SHORT[p.index]}/${p.year.slice(2)}` : month;
}

/** "2026-01" → "janeiro de 2026" (tables, tooltips and descriptions); anything else as given. */
export function formatMonthLong(month: string): string {
  const p = parseMonth(month);
  return p ? `${MONTHS_LONG[p.index]} de ${p.year}` : month;
}
