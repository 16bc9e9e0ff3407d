import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect-path";

const appUrl = "https://switchboard.example.com";

describe("safeRedirectPath", () => {
  it.each([
    ["/workflows", "/workflows"],
    ["/invite/abc123?x=1#top", "/invite/abc123?x=1#top"],
    ["https://switchboard.example.com/runs/run_1", "/runs/run_1"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["runs", "/runs"],
  ])("keeps a path on this app: %s", (value, expected) => {
    expect(safeRedirectPath(value, appUrl)).toBe(expected);
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example/x",
    "/\t/evil.example/x",
    "https://evil.example",
    "https://evil.example/x?next=/",
    "http://switchboard.example.com/x",
    "https://switchboard.example.com.evil.example/x",
    "https://switchboard.example.com@evil.example/x",
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://switchboard.example.com//evil.example/x",
    "/.//evil.example/x",
  ])("sends %j home instead of to another site", (value) => {
    const path = safeRedirectPath(value, appUrl);
    expect(path).toBe("/");
  });

  it("decoded forms from a query string are caught too", () => {
    const callbackUrl = new URLSearchParams("callbackUrl=/%5Cevil.example").get("callbackUrl");
    expect(callbackUrl).toBe("/\\evil.example");
    expect(safeRedirectPath(callbackUrl, appUrl)).toBe("/");
  });

  it.each([undefined, null, "", 42])("answers / for a missing or odd value (%j)", (value) => {
    expect(safeRedirectPath(value, appUrl)).toBe("/");
  });

  it("every answer is a path a browser resolves on this app", () => {
    for (const value of ["//a.example", "/\\a.example", "/ok", "https://evil.example"]) {
      expect(new URL(safeRedirectPath(value, appUrl), appUrl).origin).toBe(appUrl);
    }
  });
});
