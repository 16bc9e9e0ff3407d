import { describe, expect, it } from "vitest";
import { cookieDeletions, isUsableCallbackUrl, withoutUnusableCallbackCookies } from "./unsafe-callback-url";

describe("callback URLs Auth.js would refuse", () => {
  it("tells usable from unusable the way Auth.js does", () => {
    const origin = "http://localhost:3000";
    for (const value of ["/", "/workflows?x=1", "http://localhost:3000/runs", "https://elsewhere.example/"])
      expect(isUsableCallbackUrl(value, origin), value).toBe(true);
    for (const value of ["javascript:alert(1)", "ftp://x", "data:text/html,x", "http://[::1"])
      expect(isUsableCallbackUrl(value, origin), value).toBe(false);
  });

  it("deletes a cookie on every path that could hold it for this request", () => {
    expect(cookieDeletions("authjs.callback-url", "/workflows/wf_1/runs")).toEqual([
      "authjs.callback-url=; Path=/; Max-Age=0",
      "authjs.callback-url=; Path=/workflows; Max-Age=0",
      "authjs.callback-url=; Path=/workflows/wf_1; Max-Age=0",
      "authjs.callback-url=; Path=/workflows/wf_1/runs; Max-Age=0",
    ]);
    expect(cookieDeletions("__Host-authjs.callback-url", "/")).toEqual(["__Host-authjs.callback-url=; Path=/; Max-Age=0; Secure"]);
  });

  it("drops every occurrence of a callback cookie when any of them is unusable, and nothing else", () => {
    const origin = "http://localhost:3000";
    const planted =
      "authjs.callback-url=javascript%3Aalert(1); authjs.callback-url=http%3A%2F%2Flocalhost%3A3000; authjs.session-token=abc; sb_org=org_1";
    expect(withoutUnusableCallbackCookies(planted, origin)).toEqual({
      cookieHeader: "authjs.session-token=abc; sb_org=org_1",
      dropped: ["authjs.callback-url"],
    });
    const fine = "authjs.callback-url=http%3A%2F%2Flocalhost%3A3000; authjs.session-token=abc";
    expect(withoutUnusableCallbackCookies(fine, origin)).toEqual({ cookieHeader: fine, dropped: [] });
    expect(withoutUnusableCallbackCookies("", origin)).toEqual({ cookieHeader: "", dropped: [] });
  });
});
