import { serve } from "inngest/next";
import { inngest } from "@/server/execution/inngest/inngest-client";
import { functions } from "@/inngest/functions";
import { getAppConfig } from "@/server/config/app-config";
import { jsonError } from "@/server/http/json-error";

export const runtime = "nodejs";
// One request runs one step, and a webhook step can take about 75 s: a platform's shorter default would cut it off.
export const maxDuration = 300;

const inngestHandlers = serve({ client: inngest, functions });
type Handler = (typeof inngestHandlers)["POST"];

// Without Inngest settings the embedded executor runs workflows and nothing is served here.
function whenInngestIsOn(handler: Handler): Handler {
  return (...args) =>
    getAppConfig().inngest.enabled
      ? handler(...args)
      : Promise.resolve(
          jsonError(
            404,
            "inngest_not_configured",
            "Inngest is not configured on this server, so workflows run inside the app. Set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or INNGEST_DEV=1 with the Dev Server) to serve Inngest here.",
          ),
        );
}

export const GET = whenInngestIsOn(inngestHandlers.GET);
export const POST = whenInngestIsOn(inngestHandlers.POST);
export const PUT = whenInngestIsOn(inngestHandlers.PUT);
