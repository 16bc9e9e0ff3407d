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

/** The body as UTF-8 text under the same limit, for handlers that read it themselves; not ok once it passes `limit`. */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<{ ok: true; text: string } | { ok: false }> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return { ok: false };
  const tooLarge = new Error(`The body is larger than ${limit} bytes.`);
  try {
    const bytes = await limitRequestBody(request, limit, () => tooLarge).arrayBuffer();
    return { ok: true, text: Buffer.from(bytes).toString("utf8") };
  } catch (error) {
    if (error === tooLarge) return { ok: false };
    throw error;
  }
}
