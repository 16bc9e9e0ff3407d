import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import type { Queryable } from "@/db/client";
import { createSmsSenderWith, SmsDeliveryError, type SmsSender } from "./sms-sender";

export type TwilioSmsConfig = {
  accountSid: string;
  authToken: string;
  /** Where the Messages API lives; defaults to https://api.twilio.com (tests point it at a local stand-in). */
  apiBaseUrl?: string;
  /** Twilio posts delivery updates (delivered, undelivered, …) here when set. */
  statusCallbackUrl?: string;
};

const TWILIO_API_ORIGIN = "https://api.twilio.com";

/**
 * The SDK's own HTTP client, with requests for api.twilio.com sent to another base URL instead.
 * Everything else (auth header, form encoding, error parsing) stays the SDK's.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_API_ORIGIN) ? this.baseUrl + opts.uri.slice(TWILIO_API_ORIGIN.length) : opts.uri;
    return super.request({ ...opts, uri });
  }
}

/** Twilio error codes that mean this text can never go through, in words for the run log. */
const permanentTwilioErrors: Record<number, string> = {
  21211: "This isn't a valid phone number, so it can't receive texts",
  21614: "This number can't receive texts (it isn't a mobile number)",
  21612: "This number can't receive texts (the carrier can't be reached by SMS)",
  21408: "This number can't receive texts: texting its country isn't enabled on the Twilio account",
  21610: "The recipient replied STOP and opted out of texts from this number",
  21606: "The sending number can't send texts to this recipient (check it is an SMS-capable Twilio number)",
  21617: "The message is longer than 1,600 characters",
  20003: "Twilio refused the account SID or auth token",
};

/** Turns whatever the SDK threw into an SmsDeliveryError that says whether a retry can help. */
export function toSmsDeliveryError(error: unknown): SmsDeliveryError {
  if (error instanceof SmsDeliveryError) return error;
  if (error instanceof twilio.RestException) {
    const { status, code } = error;
    const transient = status === 408 || status === 429 || status >= 500 || code === 20429;
    if (transient) {
      const what =
        status === 429 || code === 20429 ? "Twilio is limiting how fast texts are sent" : `Twilio had a problem (HTTP ${status})`;
      return new SmsDeliveryError(`${what}; the text will be retried`, { permanent: false, code, status, cause: error });
    }
    const words = code !== undefined ? permanentTwilioErrors[code] : undefined;
    return new SmsDeliveryError(words ?? `Twilio refused the text: ${error.message}`, { permanent: true, code, status, cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new SmsDeliveryError(`Twilio could not be reached (${detail}); the text will be retried`, { permanent: false, cause: error });
}

/** Sends through Twilio's Messages API with the official SDK; every message is also an outbox row. */
export function createTwilioSmsSender(config: TwilioSmsConfig, db: Queryable): SmsSender {
  const client = twilio(config.accountSid, config.authToken, {
    httpClient: config.apiBaseUrl ? new BaseUrlRequestClient(config.apiBaseUrl.replace(/\/$/, "")) : undefined,
    timeout: 15_000,
    // Retries are the workflow executor's job (with backoff and a bounded number of attempts).
    autoRetry: false,
  });

  return createSmsSenderWith(
    {
      provider: "twilio",
      async deliver(message) {
        try {
          const sent = await client.messages.create({
            to: message.to,
            from: message.from,
            body: message.body,
            ...(config.statusCallbackUrl ? { statusCallback: config.statusCallbackUrl } : {}),
          });
          return { status: "sent", providerMessageId: sent.sid };
        } catch (error) {
          throw toSmsDeliveryError(error);
        }
      },
    },
    db,
  );
}
