import twilio from "twilio";
import { readLimitedBody } from "@/server/http/request-body-limit";
import type { TwilioWebhookDeps } from "./twilio-webhook-deps";

export type TwilioParams = Record<string, string>;

export type VerifiedTwilioRequest = { ok: true; params: TwilioParams } | { ok: false; response: Response };

function plain(status: number, message: string) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Reads Twilio's form post and checks `X-Twilio-Signature` with the SDK against the public URL
 * (`appUrl` + path + query: APP_URL is what Twilio was given, whatever proxy sits in front).
 * Nothing may be stored unless this says ok.
 */
export async function verifyTwilioRequest(request: Request, deps: TwilioWebhookDeps): Promise<VerifiedTwilioRequest> {
  if (deps.config.sms.kind !== "twilio") {
    return {
      ok: false,
      // Retrying cannot help until someone configures Twilio: not a 503.
      response: plain(
        404,
        "Twilio isn't connected to this Switchboard: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN so incoming requests can be verified.",
      ),
    };
  }
  const signature = request.headers.get("x-twilio-signature");
  if (!signature) return { ok: false, response: plain(403, "Missing X-Twilio-Signature: only Twilio may call this address.") };

  const body = await readLimitedBody(request);
  if (!body.ok) return { ok: false, response: plain(body.status, body.message) };

  // Twilio signs every parameter; a repeated name is signed with all its values.
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body.text)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const { pathname, search } = new URL(request.url);
  const url = `${deps.config.appUrl}${pathname}${search}`;
  if (!twilio.validateRequest(deps.config.sms.authToken, signature, url, params)) {
    return {
      ok: false,
      response: plain(403, `Invalid X-Twilio-Signature for ${url}. Check APP_URL matches the address configured in Twilio.`),
    };
  }
  const single: TwilioParams = {};
  for (const [key, value] of Object.entries(params)) single[key] = Array.isArray(value) ? value[value.length - 1]! : value;
  return { ok: true, params: single };
}

export function twimlResponse(xml: string, status = 200) {
  return new Response(xml, { status, headers: { "content-type": "text/xml; charset=utf-8" } });
}

/** Twilio's CallStatus / DialCallStatus values, as the engine names them. */
export function engineCallStatus(twilioStatus: string | undefined) {
  switch (twilioStatus) {
    case "completed":
    case "answered":
      return "answered" as const;
    case "no-answer":
      return "no_answer" as const;
    case "busy":
      return "busy" as const;
    case "failed":
      return "failed" as const;
    case "canceled":
      return "canceled" as const;
    case "in-progress":
      return "in_progress" as const;
    case "queued":
    case "initiated":
    case "ringing":
      return "ringing" as const;
    default:
      return null;
  }
}

export const terminalTwilioStatuses = ["completed", "busy", "no-answer", "failed", "canceled"];

export function optional(params: TwilioParams, key: string): string | null {
  const value = params[key]?.trim();
  return value ? value : null;
}
