// A local stand-in for the part of the Resend API the app uses (`POST /emails`), so the real
// `resend` SDK can be exercised over HTTP in tests: `new Resend(key, { baseUrl: api.url })`.
// Behaves like Resend where it matters to the app: Bearer auth, the `Idempotency-Key` header
// (same key and payload → the same id, delivered once; same key, other payload → 409), and
// errors in Resend's shape `{ statusCode, name, message }` on demand.
import { createServer, type ServerResponse } from "node:http";
import { readBody, sendJson } from "./http-helpers";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

export type RecordedEmail = {
  id: string;
  /** The JSON body the SDK posted (from, to, subject, text, html, …). */
  body: Record<string, unknown>;
  idempotencyKey?: string;
  authorization?: string;
};

export type ResendErrorBody = { statusCode: number; name: string; message: string };

export type ResendApiStandIn = {
  /** Base URL to pass as `baseUrl` to the SDK, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Emails accepted, in order; a replay with the same idempotency key is not recorded again. */
  emails: RecordedEmail[];
  /** Every POST /emails that reached the stand-in, accepted or not. */
  requestCount: () => number;
  /** The next POST /emails answers `status` with this body (queued: call several times for several failures). */
  failNext: (status: number, body?: { name?: string; message?: string }) => void;
  close: () => Promise<void>;
};

const defaultErrorNames: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  409: "concurrent_idempotent_requests",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

const MAX_BODY_BYTES = 1024 * 1024;

function sendError(res: ServerResponse, statusCode: number, name: string, message: string) {
  sendJson(res, statusCode, { statusCode, name, message } satisfies ResendErrorBody);
}

export async function startResendApi(): Promise<ResendApiStandIn> {
  const emails: RecordedEmail[] = [];
  const failures: ResendErrorBody[] = [];
  /** idempotency key → the accepted email and the exact payload it was accepted with. */
  const byKey = new Map<string, { email: RecordedEmail; payload: string }>();
  let requests = 0;

  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://stand-in").pathname;
      if (req.method !== "POST" || path !== "/emails") {
        sendError(res, 404, "not_found", "The requested endpoint does not exist.");
        return;
      }
      requests += 1;
      const raw = await readBody(req, MAX_BODY_BYTES);

      const authorization = req.headers.authorization;
      if (!authorization?.startsWith("Bearer ") || authorization.length <= "Bearer ".length) {
        sendError(res, 401, "missing_api_key", "Missing API key in the authorization header.");
        return;
      }

      const failure = failures.shift();
      if (failure) {
        sendJson(res, failure.statusCode, failure);
        return;
      }

      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        sendError(res, 400, "validation_error", "The request body is not valid JSON.");
        return;
      }
      for (const field of ["from", "to", "subject"]) {
        if (!body[field]) {
          sendError(res, 422, "missing_required_field", `The \`${field}\` field is missing.`);
          return;
        }
      }

      const idempotencyKey = headerValue(req.headers["idempotency-key"]);
      if (idempotencyKey) {
        const previous = byKey.get(idempotencyKey);
        if (previous) {
          if (previous.payload !== raw) {
            sendError(res, 409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
            return;
          }
          sendJson(res, 200, { id: previous.email.id });
          return;
        }
      }

      const email: RecordedEmail = { id: randomUUID(), body, idempotencyKey, authorization };
      emails.push(email);
      if (idempotencyKey) byKey.set(idempotencyKey, { email, payload: raw });
      sendJson(res, 200, { id: email.id });
    } catch (error) {
      sendError(res, 500, "internal_server_error", error instanceof Error ? error.message : "Unexpected error");
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    requestCount: () => requests,
    failNext(status, body = {}) {
      failures.push({
        statusCode: status,
        name: body.name ?? defaultErrorNames[status] ?? "application_error",
        message: body.message ?? `Stand-in failure with HTTP ${status}`,
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
