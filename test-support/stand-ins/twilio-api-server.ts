// Runs the Twilio Messages API stand-in as a process of its own on a fixed port, for the
// end-to-end server: TWILIO_API_BASE_URL points the app's real Twilio SDK at it.
import { startTwilioApi } from "./twilio-api";

const port = Number(process.env.TWILIO_STAND_IN_PORT ?? 3102);
const accountSid = process.env.TWILIO_ACCOUNT_SID ?? `AC${"e2e0".repeat(8)}`;
const authToken = process.env.TWILIO_AUTH_TOKEN ?? "e2e-twilio-auth-token";

const api = await startTwilioApi({ accountSid, authToken, port });
console.info(`[twilio stand-in] listening on ${api.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void api.close().finally(() => process.exit(0)));
}
