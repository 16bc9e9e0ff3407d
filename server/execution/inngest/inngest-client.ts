import { Inngest } from "inngest";
import { getAppConfig } from "../../config/app-config";

const SEND_TIMEOUT_MS = 10_000;

/** Without a timeout, `inngest.send` waits forever on an Inngest server that never answers. */
function fetchWithTimeout(input: RequestInfo | URL, init?: RequestInit) {
  return fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(SEND_TIMEOUT_MS) });
}

const { inngest: settings } = getAppConfig();

export const inngest = new Inngest({
  id: "switchboard",
  fetch: fetchWithTimeout as typeof fetch,
  ...(settings.dev ? { isDev: true } : {}),
  ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  ...(settings.eventKey ? { eventKey: settings.eventKey } : {}),
  ...(settings.signingKey ? { signingKey: settings.signingKey } : {}),
});
