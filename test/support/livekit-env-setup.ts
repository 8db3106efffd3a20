// Import this FIRST in a test file that needs LiveKit settings: ES modules run in import order, so
// the environment is set before any app module reads it.
import { livekitTestEnv } from "./livekit-env";

export const lk = livekitTestEnv();
