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

function decoded(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The Cookie header without any callback-url cookie Auth.js would refuse. A browser may send the
 * same name twice (one per path, the most specific first) and parsers disagree on which one wins,
 * so every occurrence is checked and a name with any bad value is dropped entirely.
 */
export function withoutUnusableCallbackCookies(cookieHeader: string, origin: string): { cookieHeader: string; dropped: string[] } {
  const pairs = cookieHeader
    .split(";")
    .map((pair) => pair.trim())
    .filter(Boolean);
  const nameOf = (pair: string) => pair.slice(0, Math.max(0, pair.indexOf("="))).trim();
  const dropped = CALLBACK_URL_COOKIES.filter((name) =>
    pairs.some((pair) => nameOf(pair) === name && !isUsableCallbackUrl(decoded(pair.slice(pair.indexOf("=") + 1).trim()), origin)),
  );
  if (dropped.length === 0) return { cookieHeader, dropped };
  return { cookieHeader: pairs.filter((pair) => !dropped.includes(nameOf(pair))).join("; "), dropped };
}

/** The cookie deletions that remove `name` for every path it may have been set on for `pathname`. */
export function cookieDeletions(name: string, pathname: string): string[] {
  const segments = pathname.split("/").filter(Boolean);
  const paths = ["/", ...segments.map((_, index) => `/${segments.slice(0, index + 1).join("/")}`)];
  const secure = name.startsWith("__Secure-") || name.startsWith("__Host-") ? "; Secure" : "";
  return paths.map((path) => `${name}=; Path=${path}; Max-Age=0${secure}`);
}
