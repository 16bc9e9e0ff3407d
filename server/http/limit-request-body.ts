/**
 * The same request, whose body stream fails with `tooLarge()` once more than `maxBytes` have
 * arrived (a client may lie about Content-Length, or send none). Whoever reads the body gets
 * that error instead of buffering an unbounded upload.
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
