/**
 * Auth.js answers 500 to every request — the session check included — whose `callbackUrl` query
 * parameter or callback-url cookie is not an http(s) URL. A page on a sibling subdomain (or another
 * port of the same host) can set that cookie, which would sign the visitor out of every page until
 * they cleared their cookies. Such values are dropped before Auth.js sees them: the query parameter
 * from the URL, the cookie from the request, and the cookie from the browser.
 */
export const CALLBACK_URL_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url", "__Host-authjs.callback-url"];

/** Whether Auth.js can use `value` as where to go after sign-in (it applies our same-origin rule itself). */
export function isUsableCallbackUrl(value: string, origin: string): boolean {
  try {
    const url = new URL(value, origin);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The cookie deletions that remove `name` for every path it may have been set on for `pathname`. */
export function cookieDeletions(name: string, pathname: string): string[] {
  const segments = pathname.split("/").filter(Boolean);
  const paths = ["/", ...segments.map((_, index) => `/${segments.slice(0, index + 1).join("/")}`)];
  const secure = name.startsWith("__Secure-") || name.startsWith("__Host-") ? "; Secure" : "";
  return paths.map((path) => `${name}=; Path=${path}; Max-Age=0${secure}`);
}
