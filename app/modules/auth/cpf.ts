// CPF (Cadastro de Pessoas Físicas): check digits, normalization and masking. Pure.

/** Keeps the digits only. */
export function normalizeCpf(input: string): string {
  return input.replace(/\D/g, "");
}

/** True when the 11 digits carry valid check digits (and are not all equal, e.g. 111.111.111-11). */
export function isValidCpf(input: string): boolean {
  const cpf = normalizeCpf(input);
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  const digits = [...cpf].map(Number);
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += digits[i]! * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === digits[9] && check(10) === digits[10];
}

/** "***.456.789-**": the middle six digits, as the federal government masks CPFs in public. */
export function maskCpf(cpf: string | null | undefined): string | null {
  if (!cpf) return null;
  const d = normalizeCpf(cpf);
  if (d.length !== 11) return null;
  return `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`;
}

/** "123.456.789-09" */
export function formatCpf(cpf: string): string {
  const d = normalizeCpf(cpf);
  return d.length === 11 ? `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}` : cpf;
}
