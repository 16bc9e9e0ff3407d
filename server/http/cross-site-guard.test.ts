import { describe, expect, it } from "vitest";
import { checkCrossSite } from "./cross-site-guard";

const appUrl = "https://app.example.com";
const verdict = (headers: Record<string, string>, url = `${appUrl}/api/trpc/x`) =>
  checkCrossSite({ headers: new Headers(headers), url }, appUrl).allowed;

describe("checkCrossSite", () => {
  it("trusts what the browser says in Sec-Fetch-Site first", () => {
    expect(verdict({ "sec-fetch-site": "same-origin", origin: "https://evil.example" })).toBe(true);
    expect(verdict({ "sec-fetch-site": "none" })).toBe(true);
    expect(verdict({ "sec-fetch-site": "same-site", origin: appUrl })).toBe(false);
    expect(verdict({ "sec-fetch-site": "cross-site" })).toBe(false);
  });

  it("otherwise accepts only this app's origins", () => {
    expect(verdict({ origin: appUrl })).toBe(true);
    expect(verdict({ origin: "http://localhost:3000", host: "localhost:3000" }, "http://localhost:3000/api/trpc/x")).toBe(true);
    expect(
      verdict(
        { origin: "https://public.example", "x-forwarded-host": "public.example", "x-forwarded-proto": "https" },
        "http://10.0.0.2/api",
      ),
    ).toBe(true);
    expect(verdict({ origin: "https://app.example.com.evil.example" })).toBe(false);
    expect(verdict({ origin: "http://app.example.com" })).toBe(false);
    expect(verdict({ origin: "null" })).toBe(false);
  });

  it("lets a request that no browser page sent through (curl, server to server)", () => {
    expect(verdict({})).toBe(true);
  });
});
