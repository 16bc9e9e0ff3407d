// Test support for the call-tracking webhooks: signed Twilio requests (with the SDK's own
// signing helper) and a small XML reader to check TwiML is well-formed.
import twilio from "twilio";
import type { Database } from "@/db/client";
import type { AppConfig } from "@/server/config/app-config";
import type { TwilioWebhookDeps } from "@/server/call-tracking/twilio/twilio-webhook-deps";

export const TEST_AUTH_TOKEN = "test-twilio-auth-token-0123456789";
export const TEST_ACCOUNT_SID = `AC${"0".repeat(32)}`;
/** What APP_URL says; the requests themselves arrive at a different, internal address (as behind a proxy). */
export const PUBLIC_APP_URL = "https://switchboard.example.com";

export function twilioConfig(): Pick<AppConfig, "appUrl" | "sms"> {
  return { appUrl: PUBLIC_APP_URL, sms: { kind: "twilio", accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN } };
}

export function recordingExecutor() {
  const dispatched: string[] = [];
  return { dispatched, dispatchEvent: async (eventId: string) => void dispatched.push(eventId) };
}

export function twilioDeps(
  db: Database,
  executor = recordingExecutor(),
  config = twilioConfig(),
): TwilioWebhookDeps & { executor: ReturnType<typeof recordingExecutor> } {
  return { db, executor, config };
}

/** A form post as Twilio sends it, signed for `${PUBLIC_APP_URL}${path}` unless told otherwise. */
export function twilioRequest(
  path: string,
  params: Record<string, string>,
  options: { signature?: string | null; signWith?: string; signedUrl?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(options.signWith ?? TEST_AUTH_TOKEN, options.signedUrl ?? `${PUBLIC_APP_URL}${path}`, params)
      : options.signature;
  if (signature !== null) headers["x-twilio-signature"] = signature;
  return new Request(`http://127.0.0.1:3000${path}`, { method: "POST", headers, body: new URLSearchParams(params).toString() });
}

export type XmlElement = { name: string; attributes: Record<string, string>; text: string; children: XmlElement[] };

/** Parses the small XML documents TwiML is, throwing on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>/, "").trim();
  const token = /<\/?([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  const root: XmlElement = { name: "#document", attributes: {}, text: "", children: [] };
  const stack = [root];
  let consumed = 0;
  for (let match = token.exec(body); match; match = token.exec(body)) {
    if (match.index !== consumed) throw new Error(`Not well-formed XML at ${consumed}: ${body.slice(consumed, consumed + 20)}`);
    consumed = token.lastIndex;
    const [whole, name, rawAttributes, selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      if (text.includes("&") && !/^(?:[^&]|&(?:amp|lt|gt|quot|apos);)*$/.test(text)) throw new Error(`Bad entity in ${text}`);
      top.text += text;
    } else if (whole.startsWith("</")) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes = Object.fromEntries([...(rawAttributes ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      const element: XmlElement = { name: name!, attributes, text: "", children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (consumed !== body.length || stack.length !== 1 || root.children.length !== 1) throw new Error("Not well-formed XML");
  return root.children[0]!;
}
