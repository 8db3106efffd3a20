import path from "node:path";

import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app"), "@emails": path.resolve(import.meta.dirname, "emails") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "emails/**/*.test.{ts,tsx}", "scripts/**/*.test.{js,ts}"],
          environment: "node",
          setupFiles: ["test/setup/unit.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          globalSetup: ["test/setup/global-db.ts"],
          setupFiles: ["test/setup/db-per-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          fileParallelism: false,
          globalSetup: ["test/setup/global-db.ts", "test/setup/global-app.ts"],
          setupFiles: ["test/setup/e2e-file.ts"],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
