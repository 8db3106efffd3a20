#!/usr/bin/env node
// Reads vitest's JSON report and fails when a test was skipped, left as todo, failed, or when
// no test ran at all. CI (.ci/run) calls it after `npm test`.
import fs from "node:fs";

const file = process.argv[2] ?? ".cache/test/results.json";
if (!fs.existsSync(file)) {
  console.error(`Relatório de testes não encontrado: ${file}`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, "utf8"));
const all = report.testResults.flatMap((f) => f.assertionResults.map((a) => ({ ...a, file: f.name })));
const notPassed = all.filter((a) => a.status !== "passed");
const byStatus = all.reduce((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
console.log(`Testes: ${all.length} no total — ${Object.entries(byStatus).map(([s, n]) => `${n} ${s}`).join(", ")}.`);
if (!all.length) {
  console.error("Nenhum teste rodou.");
  process.exit(1);
}
if (notPassed.length) {
  for (const a of notPassed.slice(0, 20)) console.error(`  ${a.status}: ${a.fullName} (${a.file})`);
  console.error("Há testes pulados, pendentes ou com falha: a CI só passa com todos executados e aprovados.");
  process.exit(1);
}
