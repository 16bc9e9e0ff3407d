import { NextResponse, type NextRequest } from "next/server";
import { cookieDeletions, isUsableCallbackUrl, withoutUnusableCallbackCookies } from "@/server/auth/unsafe-callback-url";
import { getAppConfig } from "@/server/config/app-config";
import { refuseCrossSite } from "@/server/http/cross-site-guard";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
/** Next.js's default `serverActions.bodySizeLimit`. */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;
const PUBLIC_PREFIXES = ["/sign-in", "/verify-request", "/mailbox", "/_next/", "/favicon", "/icon.svg"];

/**
 * Runs before pages and the cookie-authenticated API routes (tRPC, Auth.js, the CSV export).
 * - A POST to a page is a Server Action, which acts with the visitor's cookie: only this origin may send one.
 * - A callback URL Auth.js would choke on is dropped (see server/auth/unsafe-callback-url.ts).
 * - Pages: no session cookie → straight to sign-in, remembering where the person was going. The
 *   real check (is the session valid?) happens on the server for every request.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams, origin } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  // Next.js answers a broken %-escape in a dynamic segment (/runs/%E0%A4%A) with a 500.
  if (!decodesCleanly(pathname)) {
    return Response.json(
      { error: { code: "BAD_REQUEST", message: "This address has a broken %-escape; check the link." } },
      { status: 400 },
    );
  }
  if (request.method === "POST" && !isApi) {
    const refused = refuseCrossSite(request, getAppConfig().appUrl);
    if (refused) return refused;
    // Next.js refuses a larger Server Action body too, but as a 500.
    if (Number(request.headers.get("content-length") ?? 0) > SERVER_ACTION_BODY_LIMIT) {
      return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: "The form is larger than 1 MB." } }, { status: 413 });
    }
    if (await unreadableActionBody(request)) {
      return Response.json(
        { error: { code: "BAD_REQUEST", message: "This form's data could not be read. Reload the page and send it again." } },
        { status: 400 },
      );
    }
  }

  // A rewrite would keep the original query, so a bad callbackUrl parameter is answered with a
  // redirect (307 keeps the method and body) to the same address without it.
  if (searchParams.has("callbackUrl") && !isUsableCallbackUrl(searchParams.get("callbackUrl")!, origin)) {
    const cleanUrl = request.nextUrl.clone();
    cleanUrl.searchParams.delete("callbackUrl");
    return NextResponse.redirect(cleanUrl, 307);
  }
  const cookies = withoutUnusableCallbackCookies(request.headers.get("cookie") ?? "", origin);
  if (cookies.dropped.length > 0) {
    const headers = new Headers(request.headers);
    headers.set("cookie", cookies.cookieHeader);
    const response = NextResponse.next({ request: { headers } });
    for (const name of cookies.dropped)
      for (const deletion of cookieDeletions(name, pathname)) response.headers.append("set-cookie", deletion);
    return response;
  }

  if (isApi || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

/**
 * Next.js answers a Server Action whose body it cannot read with a 500: a broken multipart body (read
 * as a form post to any page, with or without a `Next-Action` header), or "text" that is not the JSON
 * its client sends.
 */
async function unreadableActionBody(request: NextRequest): Promise<boolean> {
  const type = request.headers.get("content-type")?.split(";", 1)[0]!.trim().toLowerCase();
  try {
    if (type === "multipart/form-data") await request.clone().formData();
    else if (type === "text/plain" && request.headers.has("next-action")) JSON.parse(await request.clone().text());
    return false;
  } catch {
    return true;
  }
}

function decodesCleanly(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// The ingest routes (REST events, Twilio, Inngest) authenticate by key or signature, and the health
// check is public: none reads the session or has a dynamic segment, and keeping the proxy off them
// saves a pass. CallRail's token is a path segment, so its route keeps the %-escape check.
export const config = {
  matcher: ["/((?!api/v1/|api/twilio/|api/inngest|api/health|_next/static|_next/image|favicon.ico).*)"],
};
