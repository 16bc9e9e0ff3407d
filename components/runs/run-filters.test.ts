import { describe, expect, it } from "vitest";
import { activeRunFilterCount, hasRunFilters, readRunFilterParams, runFilterQueryString, runListInputOf } from "./run-filters";

describe("run filters in the address bar", () => {
  it("round-trips through the query string and drops what is malformed", () => {
    const params = readRunFilterParams(
      new URLSearchParams(
        "q=%20jane%20&status=failed&workflow=wf_1&trigger=call.missed&from=2026-11-01&to=2026-11-30&caller=%2B14155550123&junk=1",
      ),
    );
    expect(params).toEqual({
      q: "jane",
      status: "failed",
      workflow: "wf_1",
      trigger: "call.missed",
      from: "2026-11-01",
      to: "2026-11-30",
      caller: "+14155550123",
    });
    expect(runFilterQueryString(params)).toBe(
      "status=failed&workflow=wf_1&trigger=call.missed&from=2026-11-01&to=2026-11-30&caller=%2B14155550123&q=jane",
    );
    expect(readRunFilterParams(new URLSearchParams("status=exploded&from=yesterday&to=2026-13-45"))).toEqual({});
    expect(runFilterQueryString({ status: undefined, q: "" })).toBe("");
  });

  it("counts the filters behind the phone's Filters button: a range of days once, the search box never", () => {
    expect(activeRunFilterCount({}, true)).toBe(0);
    expect(activeRunFilterCount({ q: "jane" }, true)).toBe(0);
    expect(activeRunFilterCount({ status: "failed", from: "2026-11-01", to: "2026-11-30" }, true)).toBe(2);
    expect(activeRunFilterCount({ to: "2026-11-30", caller: "+14155550123", trigger: "call.missed" }, true)).toBe(3);
    expect(activeRunFilterCount({ workflow: "wf_1", status: "failed" }, true)).toBe(2);
    // On a workflow's own Runs page the workflow is the page, not a filter.
    expect(activeRunFilterCount({ workflow: "wf_1", status: "failed" }, false)).toBe(1);
  });

  it("knows whether anything is filtered, optionally ignoring the page's own workflow", () => {
    expect(hasRunFilters({})).toBe(false);
    expect(hasRunFilters({ workflow: "wf_1" })).toBe(true);
    expect(hasRunFilters({ workflow: "wf_1" }, ["workflow"])).toBe(false);
  });

  it("turns days into a half-open range of local time that includes the last day", () => {
    const input = runListInputOf({ from: "2026-11-01", to: "2026-11-30", status: "waiting", q: "acme" });
    expect(input.from).toEqual(new Date(2026, 10, 1));
    expect(input.to).toEqual(new Date(2026, 11, 1));
    expect(input).toMatchObject({ status: "waiting", search: "acme", workflowId: undefined });
  });
});
