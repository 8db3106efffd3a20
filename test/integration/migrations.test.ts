// The migrations in prisma/migrations must build exactly the database prisma/schema.prisma
// describes: a schema change without its migration (or a hand-edited migration) fails here.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

import { migrate, removeDb, ROOT, TEST_DIR } from "../support/database";

/** Per table, keyed by name, so that column order (ALTER TABLE appends at the end) does not count. */
type Part = "columns" | "indexes" | "foreignKeys";
type Structure = Record<string, Record<Part, Record<string, unknown>>>;

const files: string[] = [];
function tempDb(label: string): string {
  const file = path.join(TEST_DIR, `${label}-${crypto.randomBytes(4).toString("hex")}.db`);
  removeDb(file);
  files.push(file);
  return file;
}

afterAll(() => files.forEach(removeDb));

/** Tables, columns, indexes and foreign keys as SQLite reports them, without Prisma's bookkeeping table. */
function structureOf(file: string): Structure {
  const db = new Database(file, { readonly: true });
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .pluck()
      .all() as string[];
    const structure: Structure = {};
    for (const table of tables) {
      const columns = Object.fromEntries(
        (db.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[]).map(
          (c) => [c.name, { type: c.type, notnull: c.notnull, default: c.dflt_value, pk: c.pk }],
        ),
      );
      const indexes = Object.fromEntries(
        (db.prepare(`PRAGMA index_list(${q(table)})`).all() as { name: string; unique: number; origin: string; partial: number }[]).map((index) => {
          const cols = (db.prepare(`PRAGMA index_info(${q(index.name)})`).all() as { seqno: number; name: string }[])
            .sort((a, b) => a.seqno - b.seqno)
            .map((c) => c.name);
          // SQLite numbers its automatic indexes by constraint order: name them by what they cover.
          const key = index.name.startsWith("sqlite_autoindex_") ? `(automatic ${index.origin} on ${cols.join(", ")})` : index.name;
          return [key, { unique: index.unique, origin: index.origin, partial: index.partial, columns: cols }];
        }),
      );
      const fkRows = db.prepare(`PRAGMA foreign_key_list(${q(table)})`).all() as {
        id: number;
        seq: number;
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
        match: string;
      }[];
      const foreignKeys: Record<string, unknown> = {};
      for (const id of [...new Set(fkRows.map((r) => r.id))]) {
        const rows = fkRows.filter((r) => r.id === id).sort((a, b) => a.seq - b.seq);
        const first = rows[0]!;
        foreignKeys[`(${rows.map((r) => r.from).join(", ")}) → ${first.table}(${rows.map((r) => r.to).join(", ")})`] = {
          onUpdate: first.on_update,
          onDelete: first.on_delete,
          match: first.match,
        };
      }
      structure[table] = { columns, indexes, foreignKeys };
    }
    return structure;
  } finally {
    db.close();
  }
}

/** One line per difference, e.g. `User.columns.nickname: only in schema.prisma {...}`. */
function differences(fromMigrations: Structure, fromSchema: Structure): string[] {
  const out: string[] = [];
  const keys = (a: object | undefined, b: object | undefined) => [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  for (const table of keys(fromMigrations, fromSchema)) {
    const a = fromMigrations[table];
    const b = fromSchema[table];
    if (!a) out.push(`${table}: table missing from the migrations (it is in schema.prisma)`);
    else if (!b) out.push(`${table}: table created by the migrations but absent from schema.prisma`);
    else {
      for (const part of ["columns", "indexes", "foreignKeys"] as const) {
        for (const name of keys(a[part], b[part])) {
          const [x, y] = [a[part][name], b[part][name]];
          const where = `${table}.${part}.${name}`;
          if (x === undefined) out.push(`${where}: only in schema.prisma ${JSON.stringify(y)}`);
          else if (y === undefined) out.push(`${where}: only in the migrations ${JSON.stringify(x)}`);
          else if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${where}: migrations ${JSON.stringify(x)} ≠ schema.prisma ${JSON.stringify(y)}`);
        }
      }
    }
  }
  return out;
}

/** SQL that builds schema.prisma from nothing, from Prisma's own differ (stdout only). */
function schemaSql(): string {
  const stdout = execFileSync(
    "bash",
    [path.join(ROOT, "scripts", "prisma.sh"), "migrate", "diff", "--from-empty", "--to-schema-datamodel", path.join(ROOT, "prisma", "schema.prisma"), "--script"],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATABASE_URL: `file:${tempDb("diff-env")}` } },
  );
  const start = stdout.search(/^(--|CREATE|PRAGMA)/m);
  expect(start, `prisma migrate diff printed no SQL:\n${stdout}`).toBeGreaterThanOrEqual(0);
  return stdout.slice(start);
}

describe("migrations", () => {
  it("build the same tables, columns, indexes and foreign keys as schema.prisma", () => {
    const migrated = tempDb("from-migrations");
    migrate(migrated);

    const fromSchema = tempDb("from-schema");
    const db = new Database(fromSchema);
    db.exec(schemaSql());
    db.close();

    const a = structureOf(migrated);
    const b = structureOf(fromSchema);
    expect(Object.keys(a)).toContain("Registration");
    const diff = differences(a, b);
    expect(diff, `prisma/migrations does not match prisma/schema.prisma (npm run db:new-migration -- <name>):\n${diff.join("\n")}`).toEqual([]);
  });

  it("would report a column, an index, a foreign key or a table that only one side has, but not column order", () => {
    const migrations = tempDb("side-a");
    const schema = tempDb("side-b");
    const build = (file: string, sql: string) => {
      const db = new Database(file);
      db.exec(sql);
      db.close();
    };
    build(
      migrations,
      `CREATE TABLE "P" ("id" TEXT NOT NULL PRIMARY KEY);
       CREATE TABLE "T" ("id" TEXT NOT NULL PRIMARY KEY, "pId" TEXT NOT NULL, "name" TEXT NOT NULL DEFAULT 'x',
         CONSTRAINT "T_pId_fkey" FOREIGN KEY ("pId") REFERENCES "P" ("id") ON DELETE RESTRICT ON UPDATE CASCADE);
       ALTER TABLE "T" ADD COLUMN "late" TEXT;`,
    );
    build(
      schema,
      `CREATE TABLE "P" ("id" TEXT NOT NULL PRIMARY KEY);
       CREATE TABLE "T" ("id" TEXT NOT NULL PRIMARY KEY, "late" TEXT, "pId" TEXT NOT NULL, "name" TEXT NOT NULL DEFAULT 'y', "extra" INTEGER,
         CONSTRAINT "T_pId_fkey" FOREIGN KEY ("pId") REFERENCES "P" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
       CREATE UNIQUE INDEX "T_name_key" ON "T"("name");
       CREATE TABLE "U" ("id" INTEGER);`,
    );
    expect(differences(structureOf(migrations), structureOf(schema))).toEqual([
      'T.columns.extra: only in schema.prisma {"type":"INTEGER","notnull":0,"default":null,"pk":0}',
      `T.columns.name: migrations {"type":"TEXT","notnull":1,"default":"'x'","pk":0} ≠ schema.prisma {"type":"TEXT","notnull":1,"default":"'y'","pk":0}`,
      'T.indexes.T_name_key: only in schema.prisma {"unique":1,"origin":"c","partial":0,"columns":["name"]}',
      'T.foreignKeys.(pId) → P(id): migrations {"onUpdate":"CASCADE","onDelete":"RESTRICT","match":"NONE"} ≠ schema.prisma {"onUpdate":"CASCADE","onDelete":"CASCADE","match":"NONE"}',
      "U: table missing from the migrations (it is in schema.prisma)",
    ]);
    expect(differences(structureOf(schema), structureOf(migrations))).toContain("U: table created by the migrations but absent from schema.prisma");
  });
});
