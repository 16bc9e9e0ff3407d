/**
 * Where to send someone after sign-in: the path (with query and fragment) of `value` when it points
 * at this app, otherwise "/". Parsing the way a browser does catches what prefix checks miss:
 * `//evil.example`, `/\evil.example`, tabs inside the scheme, `javascript:` and absolute URLs.
 */
export function safeRedirectPath(value: unknown, appUrl: string): string {
  if (typeof value !== "string" || value === "") return "/";
  const appOrigin = new URL(appUrl).origin;
  let target: URL;
  try {
    target = new URL(value, appUrl);
  } catch {
    return "/";
  }
  if (target.origin !== appOrigin) return "/";
  // A path that starts with two slashes would itself be read as another host (`//evil.example`).
  if (!target.pathname.startsWith("/") || target.pathname.startsWith("//")) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
