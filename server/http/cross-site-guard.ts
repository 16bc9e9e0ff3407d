/**
 * Cross-site request forgery guard for routes authenticated by the session cookie. A browser
 * names where a request comes from: `Sec-Fetch-Site` (every current browser) or at least
 * `Origin`. Only this origin may change anything — not another site, and not a sibling subdomain
 * (`same-site`), which could otherwise post a form with the visitor's cookie. A request with
 * neither header does not come from a browser page, so it cannot ride on a visitor's cookie.
 * Routes authenticated by an API key or a signature (REST events, Twilio, CallRail, Inngest) do
 * not need this.
 */
export type CrossSiteVerdict = { allowed: true } | { allowed: false; reason: string };

/** The origins this app answers as: APP_URL's, and the one the browser addressed. */
function ownOrigins(headers: Headers, requestUrl: string, appUrl: string): Set<string> {
  const origins = new Set([new URL(appUrl).origin, new URL(requestUrl).origin]);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host) {
    const protocol = headers.get("x-forwarded-proto") ?? new URL(requestUrl).protocol.replace(/:$/, "");
    origins.add(`${protocol}://${host.split(",")[0]!.trim()}`);
  }
  return origins;
}

export function checkCrossSite(request: { headers: Headers; url: string }, appUrl: string): CrossSiteVerdict {
  const site = request.headers.get("sec-fetch-site");
  if (site) {
    return site === "same-origin" || site === "none"
      ? { allowed: true }
      : { allowed: false, reason: `a request from another site (${site}) cannot act on your behalf` };
  }
  const origin = request.headers.get("origin");
  if (origin === null) return { allowed: true };
  return ownOrigins(request.headers, request.url, appUrl).has(origin)
    ? { allowed: true }
    : { allowed: false, reason: `a request from ${origin} cannot act on your behalf` };
}

/** 403 for a cross-site request, or null to go on. */
export function refuseCrossSite(request: { headers: Headers; url: string }, appUrl: string): Response | null {
  const verdict = checkCrossSite(request, appUrl);
  if (verdict.allowed) return null;
  return Response.json(
    { error: { code: "FORBIDDEN", message: `Refused: ${verdict.reason}. Open Switchboard itself and try again there.` } },
    { status: 403 },
  );
}
