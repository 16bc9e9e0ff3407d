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
  // Always said, so the SDK never decides from INNGEST_DEV itself (it takes a bare host name there as a dev server).
  isDev: settings.dev,
  // One step per request, as the tests run them; checkpointing (the SDK's default) runs several per request, untested here.
  checkpointing: false,
  ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  ...(settings.eventKey ? { eventKey: settings.eventKey } : {}),
  ...(settings.signingKey ? { signingKey: settings.signingKey } : {}),
});
