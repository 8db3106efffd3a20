// Delivers the outbox from its own process (`npx tsx scripts/outbox-worker.ts`), for deployments
// that run the web server with OUTBOX_WORKER=0, and for the crash tests.
import { startOutboxWorker } from "~/modules/email/worker.server";

const worker = startOutboxWorker();
console.log("caixa de saída: entregador iniciado");
const stop = () => void worker.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
