// A local stand-in for Twilio's Programmable Messaging API (`POST …/Messages.json`), so the real
// `twilio` SDK can be exercised over HTTP in tests. It checks Basic auth against the account
// SID and auth token it was started with, reads the form-encoded parameters the SDK sends,
// answers 201 with a Message resource shaped like Twilio's, and on demand answers errors in
// Twilio's format `{ code, message, more_info, status }`.
import { createServer, type ServerResponse } from "node:http";
import { readBody, sendJson } from "./http-helpers";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";

export type RecordedSms = {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
  numSegments: number;
  /** Every form parameter as posted (To, From, Body, StatusCallback, …). */
  params: Record<string, string>;
};

export type TwilioErrorBody = { code: number; message: string; more_info: string; status: number };

/** The failures tests ask for most, with Twilio's own HTTP status and wording. */
export const twilioErrors = {
  20003: { status: 401, message: "Authenticate" },
  20404: { status: 404, message: "The requested resource was not found" },
  20429: { status: 429, message: "Too Many Requests" },
  20500: { status: 500, message: "Internal Server Error" },
  21211: { status: 400, message: "Invalid 'To' Phone Number" },
  21408: { status: 400, message: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number" },
  21606: {
    status: 400,
    message: "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination/account",
  },
  21610: { status: 400, message: "Attempt to send to unsubscribed recipient" },
  21612: { status: 400, message: "The 'To' phone number is not currently reachable via SMS" },
  21614: { status: 400, message: "'To' number is not a valid mobile number" },
} as const satisfies Record<number, { status: number; message: string }>;

export type TwilioFailure = keyof typeof twilioErrors | { code?: number; status: number; message?: string };

export type TwilioApiStandIn = {
  /** Base URL that stands in for `https://api.twilio.com`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Messages accepted, in order. */
  messages: RecordedSms[];
  /** Every POST that reached the Messages endpoint, accepted or not. */
  requestCount: () => number;
  /** The next message answers with this error: a Twilio error code from `twilioErrors`, or any code/status. Queued. */
  failNextWith: (failure: TwilioFailure) => void;
  close: () => Promise<void>;
};

const MAX_BODY_BYTES = 256 * 1024;
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;

/** Twilio's segment count: GSM-7 160 (153 per part when split), otherwise UCS-2 70 (67). */
export function countSegments(body: string): number {
  const gsm = GSM7.test(body);
  const length = gsm ? body.length : [...body].length;
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  return length <= single ? 1 : Math.ceil(length / multi);
}

function sendError(res: ServerResponse, status: number, code: number, message: string) {
  sendJson(res, status, {
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  } satisfies TwilioErrorBody);
}

function newSid(prefix: string) {
  return prefix + randomBytes(16).toString("hex");
}

export async function startTwilioApi(options: { accountSid: string; authToken: string; port?: number }): Promise<TwilioApiStandIn> {
  const messages: RecordedSms[] = [];
  const failures: Array<{ code: number; status: number; message: string }> = [];
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`;
  let requests = 0;

  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://stand-in").pathname;
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
      if (!match || req.method !== "POST") {
        sendError(res, 404, 20404, "The requested resource was not found");
        return;
      }
      requests += 1;
      const raw = await readBody(req, MAX_BODY_BYTES);

      if (req.headers.authorization !== expectedAuth) {
        sendError(res, 401, 20003, "Authenticate");
        return;
      }
      if (match[1] !== options.accountSid) {
        sendError(res, 404, 20404, `The requested resource ${path} was not found`);
        return;
      }

      const failure = failures.shift();
      if (failure) {
        sendError(res, failure.status, failure.code, failure.message);
        return;
      }

      const params = Object.fromEntries(new URLSearchParams(raw));
      const { To: to, From: from, Body: body = "" } = params;
      if (!to) return sendError(res, 400, 21604, "A 'To' phone number is required.");
      if (!from) return sendError(res, 400, 21603, "A 'From' phone number is required.");
      if (!body) return sendError(res, 400, 21602, "Message body is required.");
      if (!/^\+[1-9]\d{6,14}$/.test(to)) return sendError(res, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
      if (body.length > 1600) return sendError(res, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");

      const sid = newSid("SM");
      const numSegments = countSegments(body);
      const now = new Date().toUTCString().replace("GMT", "+0000");
      messages.push({ sid, to, from, body, statusCallback: params.StatusCallback, numSegments, params });

      sendJson(res, 201, {
        account_sid: options.accountSid,
        api_version: "2010-04-01",
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: "outbound-api",
        error_code: null,
        error_message: null,
        from,
        messaging_service_sid: params.MessagingServiceSid ?? null,
        num_media: "0",
        num_segments: String(numSegments),
        price: null,
        price_unit: "USD",
        sid,
        status: "queued",
        subresource_uris: { media: `/2010-04-01/Accounts/${options.accountSid}/Messages/${sid}/Media.json` },
        to,
        uri: `/2010-04-01/Accounts/${options.accountSid}/Messages/${sid}.json`,
      });
    } catch (error) {
      sendError(res, 500, 20500, error instanceof Error ? error.message : "Internal Server Error");
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    requestCount: () => requests,
    failNextWith(failure) {
      if (typeof failure === "number") {
        failures.push({ code: failure, ...twilioErrors[failure] });
      } else {
        const code = failure.code ?? (failure.status >= 500 ? 20500 : failure.status === 429 ? 20429 : 20001);
        failures.push({ code, status: failure.status, message: failure.message ?? `Stand-in failure with HTTP ${failure.status}` });
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
