#!/usr/bin/env node
// Writes a new migration by diffing the schema as of the last migration (the snapshot kept in
// that migration's folder) against prisma/schema.prisma. The Prisma CLI cannot create migrations
// with `migrate dev` here (its JS engine has no shadow database on SQLite), so this is the way.
// Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) {
  console.error("Informe um nome: npm run db:new-migration -- adiciona_tabela_x");
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");
fs.mkdirSync(migrationsDir, { recursive: true });

const previous = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .at(-1);

const from = previous
  ? ["--from-schema-datamodel", path.join(migrationsDir, previous, "schema.snapshot.prisma")]
  : ["--from-empty"];

const sql = execFileSync(
  "bash",
  [path.join(root, "scripts", "prisma.sh"), "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
const body = sql.slice(sql.search(/^(--|CREATE|ALTER|DROP|PRAGMA|INSERT|UPDATE|DELETE|BEGIN)/m));
if (!/\S/.test(body) || /^-- This is an empty migration/m.test(body)) {
  console.log("Nada a migrar: schema.prisma está igual à última migração.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), body);
fs.copyFileSync(schemaPath, path.join(dir, "schema.snapshot.prisma"));
fs.writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "sqlite"\n');
console.log(`Migração criada: prisma/migrations/${stamp}_${name}/migration.sql`);
