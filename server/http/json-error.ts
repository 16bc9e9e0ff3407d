/** Errors from the public API: JSON a developer can act on, never a bare 500. */
export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) {
  return Response.json({ error: { code, message, ...extra } }, { status, headers });
}
