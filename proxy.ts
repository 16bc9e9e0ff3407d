import { NextResponse, type NextRequest } from "next/server";
import { getAppConfig } from "@/server/config/app-config";
import { refuseCrossSite } from "@/server/http/cross-site-guard";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PREFIXES = ["/sign-in", "/verify-request", "/mailbox", "/_next/", "/favicon"];

/**
 * A cheap first gate: no session cookie → straight to sign-in, remembering where the person
 * was going. The real check (is the session valid?) happens on the server for every request.
 * A POST to a page is a Server Action, which acts with the visitor's cookie: only this origin may send one.
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST") {
    const refused = refuseCrossSite(request, getAppConfig().appUrl);
    if (refused) return refused;
  }
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

// API routes authenticate every request themselves (API key, signature, session): keeping the proxy
// off them saves a middleware pass on the ingest hot path.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
