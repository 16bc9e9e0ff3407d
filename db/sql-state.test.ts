import { describe, expect, it } from "vitest";
import { isDataException, isDatabaseUnavailable, rootMessage, sqlState } from "./sql-state";

const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert into "events" …\nparams: …'), { cause });

describe("reading database errors", () => {
  it("finds the SQLSTATE through Drizzle's wrapper", () => {
    expect(sqlState(wrapped(Object.assign(new Error("bad"), { code: "22P05" })))).toBe("22P05");
  });

  it("tells data errors (never worth retrying) from an unreachable database (worth retrying)", () => {
    expect(isDataException(wrapped(Object.assign(new Error("unsupported Unicode escape sequence"), { code: "22P05" })))).toBe(true);
    expect(isDataException(wrapped(Object.assign(new Error("stack depth limit exceeded"), { code: "54001" })))).toBe(true);
    expect(isDataException(wrapped(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })))).toBe(false);

    expect(isDatabaseUnavailable(wrapped(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(wrapped(Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" })))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(Object.assign(new Error("terminating connection"), { code: "57P01" })))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(Object.assign(new Error("duplicate key"), { code: "23505" })))).toBe(false);
    expect(isDatabaseUnavailable(new Error("TypeError: x is undefined"))).toBe(false);
  });

  it("gives the innermost message, not the query", () => {
    expect(rootMessage(wrapped(new Error("connect ECONNREFUSED 127.0.0.1:5560")))).toBe("connect ECONNREFUSED 127.0.0.1:5560");
    expect(rootMessage(new Error("first line\nsecond"))).toBe("first line");
  });
});
