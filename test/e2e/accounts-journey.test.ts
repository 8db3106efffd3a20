// Accounts in real Chromium: sign-up with the ente picker, errors in Portuguese next to the
// fields, the same form without JavaScript, logout and an expired session.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "~/lib/db.server";

import { launchBrowser, logIn, newPage } from "../support/browser";
import { cpfFactory } from "../support/factories";

describe("creating an account and signing in", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs up a municipal technician who picks her municipality from the suggestions and lands signed in", async () => {
    const { page, done } = await newPage(browser);
    const email = `nova.${Date.now()}@juazeiro.ba.gov.br`;
    const cpf = cpfFactory();
    const formatted = `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
    await page.goto("/cadastro");
    await page.getByLabel("Nome completo").fill("Maria das Dores Ferreira");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Senha", { exact: true }).fill("uma senha segura");
    await page.getByLabel("Repita a senha").fill("uma senha segura");
    await page.getByLabel("CPF (opcional)").fill(formatted);
    await page.getByRole("combobox", { name: "Onde você trabalha" }).fill("juaz");
    await page.getByRole("option", { name: /Juazeiro \(BA\)/ }).click();
    await page.getByRole("radio", { name: "Técnico(a)" }).check();
    await page.getByRole("button", { name: "Criar conta" }).click();
    await page.getByText("Conta criada. Boas-vindas ao Apoia SUAS!").waitFor();
    await expect(page.getByRole("link", { name: /Maria das Dores Ferreira/ }).isVisible()).resolves.toBe(true);

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.enteId).toBe("2918407");
    expect(user.cpf).toBe(cpf);
    await page.goto("/perfil");
    await page.getByText(`***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`).first().waitFor();
    await done();
  });

  it("shows every problem in Portuguese next to its field and in a summary, keeping what was typed", async () => {
    const { page, done } = await newPage(browser);
    await page.goto("/cadastro");
    await page.getByLabel("Nome completo").fill("Jo");
    await page.getByLabel("E-mail").fill("nao-e-email");
    await page.getByLabel("CPF (opcional)").fill("123.456.789-00");
    await page.getByRole("button", { name: "Criar conta" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    await summary.getByText("CPF inválido: confira os dígitos.").waitFor();
    await summary.getByText(/E-mail inválido/).waitFor();
    await summary.getByText("Escolha sua função no ente.").waitFor();
    await expect(page.getByLabel("Nome completo").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("Nome completo").inputValue()).resolves.toBe("Jo");
    await done();
  });

  it("resolves a typed municipality without JavaScript and asks for the UF when the name is ambiguous", async () => {
    const { page, done } = await newPage(browser, { javaScriptEnabled: false });
    const email = `sem.js.${Date.now()}@teste.gov.br`;
    await page.goto("/cadastro");
    await page.getByLabel("Nome completo").fill("Francisco Sem Script");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Senha", { exact: true }).fill("senha-sem-js");
    await page.getByLabel("Repita a senha").fill("senha-sem-js");
    await page.getByRole("combobox", { name: "Onde você trabalha" }).fill("Bom Jesus");
    await page.getByRole("radio", { name: "Gestor(a)" }).check();
    await page.getByRole("button", { name: "Criar conta" }).click();
    await page.getByText(/Há \d+ entes com esse nome\. Escreva também a UF/).first().waitFor();
    expect(await db.user.count({ where: { email } })).toBe(0);

    await page.getByLabel("Senha", { exact: true }).fill("senha-sem-js");
    await page.getByLabel("Repita a senha").fill("senha-sem-js");
    await page.getByRole("combobox", { name: "Onde você trabalha" }).fill("Bom Jesus (PI)");
    await page.getByRole("button", { name: "Criar conta" }).click();
    await page.getByText("Conta criada. Boas-vindas ao Apoia SUAS!").waitFor();
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { ente: true } });
    expect(user.ente.name).toBe("Bom Jesus");
    expect(user.ente.uf).toBe("PI");
    await done();
  });

  it("signs out, and sends a person whose session expired back to the login page with a notice", async () => {
    const { page, done } = await newPage(browser);
    const email = `sessao.${Date.now()}@teste.gov.br`;
    const { userFactory, TEST_PASSWORD } = await import("../support/factories");
    await userFactory({ email });
    await logIn(page, email, TEST_PASSWORD);
    await page.getByRole("button", { name: "Sair" }).click();
    await page.getByText("Você saiu da sua conta.").waitFor();

    await logIn(page, email, TEST_PASSWORD);
    await db.session.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await page.goto("/minhas-inscricoes");
    await page.waitForURL(/\/entrar\?/);
    await page.getByText("Sua sessão expirou. Entre de novo para continuar.").waitFor();
    await done();
  });
});
