import { NextResponse, type NextRequest } from "next/server";
import { CALLBACK_URL_COOKIES, cookieDeletions, isUsableCallbackUrl } from "@/server/auth/unsafe-callback-url";
import { getAppConfig } from "@/server/config/app-config";
import { refuseCrossSite } from "@/server/http/cross-site-guard";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
/** Next.js's default `serverActions.bodySizeLimit`. */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;
const PUBLIC_PREFIXES = ["/sign-in", "/verify-request", "/mailbox", "/_next/", "/favicon"];

/**
 * Runs before pages and the cookie-authenticated API routes (tRPC, Auth.js, the CSV export).
 * - A POST to a page is a Server Action, which acts with the visitor's cookie: only this origin may send one.
 * - A callback URL Auth.js would choke on is dropped (see server/auth/unsafe-callback-url.ts).
 * - Pages: no session cookie → straight to sign-in, remembering where the person was going. The
 *   real check (is the session valid?) happens on the server for every request.
 */
export function proxy(request: NextRequest) {
  const { pathname, search, searchParams, origin } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (request.method === "POST" && !isApi) {
    const refused = refuseCrossSite(request, getAppConfig().appUrl);
    if (refused) return refused;
    // Next.js refuses a larger Server Action body too, but as a 500.
    if (Number(request.headers.get("content-length") ?? 0) > SERVER_ACTION_BODY_LIMIT) {
      return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: "The form is larger than 1 MB." } }, { status: 413 });
    }
  }

  const badCookies = CALLBACK_URL_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isUsableCallbackUrl(value, origin);
  });
  const badParam = searchParams.has("callbackUrl") && !isUsableCallbackUrl(searchParams.get("callbackUrl")!, origin);
  if (badCookies.length > 0 || badParam) {
    for (const name of badCookies) request.cookies.delete(name);
    const forwarded = { request: { headers: request.headers } };
    const cleanUrl = request.nextUrl.clone();
    cleanUrl.searchParams.delete("callbackUrl");
    const response = badParam ? NextResponse.rewrite(cleanUrl, forwarded) : NextResponse.next(forwarded);
    for (const name of badCookies) for (const deletion of cookieDeletions(name, pathname)) response.headers.append("set-cookie", deletion);
    return response;
  }

  if (isApi || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

// The ingest routes (REST events, Twilio, CallRail, Inngest) authenticate by key or signature and
// never read the session: keeping the proxy off them saves a pass on the hot path.
export const config = {
  matcher: ["/((?!api/v1/|api/twilio/|api/callrail/|api/inngest|_next/static|_next/image|favicon.ico).*)"],
};
