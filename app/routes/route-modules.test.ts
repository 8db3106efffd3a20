// Guards on how route modules are written (both mistakes only show up in the browser).
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const routesDir = path.resolve(import.meta.dirname);
const files = [
  ...fs
    .readdirSync(routesDir)
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(".test."))
    .map((f) => path.join(routesDir, f)),
  path.resolve(routesDir, "..", "root.tsx"),
];

describe("route modules", () => {
  it.each(files.map((f) => [path.relative(path.resolve(routesDir, ".."), f), f]))(
    "%s marks its route() wrappers as pure so the browser bundle drops the server code",
    (_name, file) => {
      const source = fs.readFileSync(file, "utf8");
      const unmarked = source.split("\n").filter((line) => /=\s*route\(/.test(line));
      expect(unmarked).toEqual([]);
    },
  );

  it.each(files.map((f) => [path.relative(path.resolve(routesDir, ".."), f), f]))(
    "%s wraps its loader and action so domain errors become HTTP responses",
    (_name, file) => {
      const source = fs.readFileSync(file, "utf8");
      expect(source).not.toMatch(/export (async )?function (loader|action)\b/);
      for (const m of source.matchAll(/export const (loader|action) = (.*)/g)) {
        expect(m[2]).toMatch(/^(\/\* @__PURE__ \*\/ route\(|loader;)/);
      }
    },
  );

  it.each(files.filter((f) => f.endsWith(".tsx")).map((f) => [path.relative(path.resolve(routesDir, ".."), f), f]))(
    "%s uses no value from a .server module in its component (the browser gets an empty stub)",
    (_name, file) => {
      const source = fs.readFileSync(file, "utf8");
      const at = source.search(/export default function/);
      const component = at < 0 ? "" : source.slice(at);
      const serverValues = [...source.matchAll(/import \{([^}]+)\} from "[^"]+\.server";/g)]
        .flatMap((m) => m[1]!.split(","))
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith("type "))
        .map((n) => n.split(/\s+as\s+/).at(-1)!);
      const used = serverValues.filter((n) => new RegExp(`(?<![.\\w])${n}\\b`).test(component));
      expect(used).toEqual([]);
    },
  );
});
