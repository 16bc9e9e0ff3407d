import { describe, expect, it } from "vitest";
import { cookieDeletions, isUsableCallbackUrl } from "./unsafe-callback-url";

describe("callback URLs Auth.js would refuse", () => {
  it("tells usable from unusable the way Auth.js does", () => {
    const origin = "http://localhost:3000";
    for (const value of ["/", "/workflows?x=1", "http://localhost:3000/runs", "https://elsewhere.example/"]) expect(isUsableCallbackUrl(value, origin), value).toBe(true);
    for (const value of ["javascript:alert(1)", "ftp://x", "data:text/html,x", "http://[::1"]) expect(isUsableCallbackUrl(value, origin), value).toBe(false);
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
});
