/** The public routes' body limit (REST ingest, CallRail, Twilio). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * A request body may not pass `maxBytes`, whatever Content-Length says (a client may lie about
 * it, or send none). This is the same request, whose body stream fails with `tooLarge()` once
 * more than `maxBytes` have arrived: whoever reads the body gets that error instead of buffering
 * an unbounded upload.
 */
export function limitRequestBody(request: Request, maxBytes: number, tooLarge: () => Error): Request {
  if (!request.body) return request;
  const declared = Number(request.headers.get("content-length") ?? "0");
  let received = 0;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        if (declared > maxBytes) controller.error(tooLarge());
      },
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request, { body: limited, duplex: "half" } as RequestInit);
}

/** Why a body was not read, with the status and words to answer the sender in. */
export type BodyRefusal = {
  ok: false;
  status: 400 | 413 | 415;
  code: "payload_too_large" | "unsupported_encoding" | "invalid_utf8";
  message: string;
};

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The body as UTF-8 text under the same limit, for handlers that read it themselves. Refused: a
 * body over `limit`, a compressed one, and bytes that are not UTF-8 (decoding them would turn
 * different values into the same replacement character, so two events could merge into one).
 */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<{ ok: true; text: string } | BodyRefusal> {
  const tooLargeRefusal: BodyRefusal = {
    ok: false,
    status: 413,
    code: "payload_too_large",
    message: `The body is larger than ${limit / 1024} KB.`,
  };
  if (Number(request.headers.get("content-length") ?? "0") > limit) return tooLargeRefusal;
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (encoding && encoding !== "identity") {
    return {
      ok: false,
      status: 415,
      code: "unsupported_encoding",
      message: `Send the body uncompressed: Content-Encoding "${encoding}" is not supported.`,
    };
  }
  const tooLarge = new Error(tooLargeRefusal.message);
  let bytes: ArrayBuffer;
  try {
    bytes = await limitRequestBody(request, limit, () => tooLarge).arrayBuffer();
  } catch (error) {
    if (error === tooLarge) return tooLargeRefusal;
    throw error;
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, status: 400, code: "invalid_utf8", message: "The body is not valid UTF-8 text." };
  }
}
