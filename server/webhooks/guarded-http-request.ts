import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { resolveCheckedAddresses, type ResolveHost } from "./resolve-checked-addresses";
import { parseWebhookUrl } from "./webhook-url";

export type WebhookDeliveryErrorKind = "blocked" | "timeout" | "connection_refused" | "dns" | "tls" | "network";

export class WebhookDeliveryError extends Error {
  readonly kind: WebhookDeliveryErrorKind;

  constructor(kind: WebhookDeliveryErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WebhookDeliveryError";
    this.kind = kind;
  }
}

export type GuardedResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
  truncated: boolean;
  durationMs: number;
};

export type GuardedRequest = {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
  allowPrivate: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Stands in for the system resolver in tests. */
  lookup?: ResolveHost;
};

// Connections are reused between deliveries to the same host and port (a new TCP — and TLS —
// handshake per webhook costs more than the request). Only new connections do a lookup, and
// each is checked as below; a reused one was checked when it was opened. One pool per policy,
// so a connection opened under "private targets allowed" never serves a stricter request.
const pools = new Map<string, http.Agent>();
function pooledAgent(protocol: string, allowPrivate: boolean): http.Agent {
  const key = `${protocol}${allowPrivate}`;
  let agent = pools.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, scheduling: "lifo" as const };
    agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    pools.set(key, agent);
  }
  return agent;
}

/**
 * One HTTP exchange with a webhook target that cannot be steered to a private address: the
 * connection's own DNS lookup checks every address before handing them to the socket, so a
 * rebinding DNS gets no second chance. Redirects are returned, not followed.
 */
export function sendGuardedRequest(request: GuardedRequest): Promise<GuardedResponse> {
  const timeoutMs = request.timeoutMs ?? 15_000;
  const maxResponseBytes = request.maxResponseBytes ?? 8192;
  const parsed = parseWebhookUrl(request.url);
  if (!parsed.ok) return Promise.reject(new WebhookDeliveryError("blocked", parsed.reason));
  const { url, hostname } = parsed;
  const startedAt = performance.now();

  return new Promise<GuardedResponse>((resolve, reject) => {
    let settled = false;
    let clientRequest: http.ClientRequest | undefined;
    const finish = (outcome: { response: GuardedResponse } | { error: WebhookDeliveryError }, complete = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A response read to its end leaves the connection reusable; anything else closes it.
      if (!complete) clientRequest?.destroy();
      if ("response" in outcome) resolve(outcome.response);
      else reject(outcome.error);
    };
    const timer = setTimeout(
      () => finish({ error: new WebhookDeliveryError("timeout", `Timed out after ${formatSeconds(timeoutMs)} s`) }),
      timeoutMs,
    );

    const checkedLookup: LookupFunction = (host, options, callback) => {
      resolveCheckedAddresses(host, { allowPrivate: request.allowPrivate, resolve: request.lookup }).then(
        (checked) => {
          if (!checked.ok) {
            callback(new WebhookDeliveryError(checked.kind, checked.reason), "", 4);
          } else if (options.all) {
            callback(null, checked.addresses);
          } else {
            callback(null, checked.addresses[0]!.address, checked.addresses[0]!.family);
          }
        },
        (error: unknown) => callback(error as NodeJS.ErrnoException, "", 4),
      );
    };

    const start = async () => {
      // The socket skips its lookup for an address literal, so a literal is checked here instead.
      if (isIP(hostname)) {
        const literal = await resolveCheckedAddresses(hostname, { allowPrivate: request.allowPrivate });
        if (!literal.ok) throw new WebhookDeliveryError(literal.kind, literal.reason);
      }
      if (settled) return;

      const transport = url.protocol === "https:" ? https : http;
      clientRequest = transport.request({
        protocol: url.protocol,
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        lookup: checkedLookup,
        // A stand-in resolver (tests) gets fresh connections, so every request exercises its lookup.
        agent: request.lookup ? false : pooledAgent(url.protocol, request.allowPrivate),
      });
      clientRequest.on("error", (error) => finish({ error: toDeliveryError(error) }));
      clientRequest.on("response", (response) => {
        const chunks: Buffer[] = [];
        let received = 0;
        const respond = (truncated: boolean) =>
          finish(
            {
              response: {
                status: response.statusCode ?? 0,
                headers: storableHeaders(flattenHeaders(response.headers)),
                body: storableText(Buffer.concat(chunks).subarray(0, maxResponseBytes).toString("utf8")),
                truncated,
                durationMs: Math.round(performance.now() - startedAt),
              },
            },
            !truncated,
          );
        response.on("data", (chunk: Buffer) => {
          if (settled) return;
          chunks.push(chunk);
          received += chunk.length;
          // Stop reading at the cap: a target must not be able to make us hold an endless body.
          if (received > maxResponseBytes) respond(true);
        });
        response.on("end", () => respond(false));
        response.on("error", (error) => finish({ error: toDeliveryError(error) }));
      });
      clientRequest.end(request.body);
    };

    start().catch((error: unknown) => finish({ error: toDeliveryError(error) }));
  });
}

/**
 * A receiver's answer is kept in the run log, and PostgreSQL cannot store a NUL or half a UTF-16
 * pair: those become U+FFFD, so a hostile body cannot make a delivered step unrecordable (and retried forever).
 */
function storableText(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD").toWellFormed();
}

function storableHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [storableText(name), storableText(value)]));
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

const TLS_CODE = /^(EPROTO$|ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

function toDeliveryError(error: unknown): WebhookDeliveryError {
  if (error instanceof WebhookDeliveryError) return error;
  const code = errorCode(error);
  if (code === "ECONNREFUSED") return new WebhookDeliveryError("connection_refused", "Connection refused", { cause: error });
  if (code === "ENOTFOUND") return new WebhookDeliveryError("dns", "This host name does not exist", { cause: error });
  if (code === "EAI_AGAIN") return new WebhookDeliveryError("dns", "The host name could not be looked up right now", { cause: error });
  if (code && TLS_CODE.test(code)) return new WebhookDeliveryError("tls", `The secure (TLS) connection failed (${code})`, { cause: error });
  if (code === "ERR_INVALID_HTTP_TOKEN" || code === "ERR_INVALID_CHAR") {
    // A header the receiver can never be sent; retrying would not help.
    return new WebhookDeliveryError("blocked", "A header name or value is not valid", { cause: error });
  }
  if (code === "ECONNRESET" || code === "EPIPE")
    return new WebhookDeliveryError("network", "The connection was closed unexpectedly", { cause: error });
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH")
    return new WebhookDeliveryError("network", "The host could not be reached", { cause: error });
  if (code === "ETIMEDOUT") return new WebhookDeliveryError("timeout", "The connection timed out", { cause: error });
  const detail = error instanceof Error && error.message ? `: ${error.message}` : "";
  return new WebhookDeliveryError("network", `The request could not be sent${detail}`, { cause: error });
}

function errorCode(error: unknown): string | undefined {
  const { code, errors } = (error ?? {}) as { code?: unknown; errors?: unknown };
  if (typeof code === "string") return code;
  // Trying several addresses in turn fails with an AggregateError of the individual attempts.
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  return undefined;
}
