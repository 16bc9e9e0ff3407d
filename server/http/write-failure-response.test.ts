import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test-support/test-database";
import { writeFailureResponse } from "./write-failure-response";

const handle = setupTestDatabase();

async function failureOf(query: ReturnType<typeof sql>) {
  try {
    await handle.db.execute(query);
  } catch (error) {
    return error;
  }
  throw new Error("The query was expected to fail");
}

beforeEach(() => vi.spyOn(console, "error").mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe("writeFailureResponse", () => {
  it.each([
    ["a NUL in text", sql`select ${"a\u0000b"}::text`],
    ["an integer past 2^31 - 1", sql`select ${"2147483648"}::int`],
    ["a year PostgreSQL has no place for", sql`select ${"+010000-01-01T00:00:00.000Z"}::timestamptz`],
    ["a NUL escape in JSON", sql`select ${'{"a":"\\u0000"}'}::jsonb`],
  ])("answers 422, not 'retry', when the database refuses %s", async (_name, query) => {
    const response = writeFailureResponse(await failureOf(query), "Retry.");
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({ code: "unstorable", message: expect.stringMatching(/SQLSTATE 22/) });
  });

  it("answers 503 with the advice to retry for anything else, such as the database being unreachable", async () => {
    const unreachable = Object.assign(new Error("Failed query: select 1"), {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    });
    for (const error of [unreachable, new Error("boom"), "not even an error", null]) {
      const response = writeFailureResponse(error, "Retry with the same id.");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).error).toEqual({ code: "unavailable", message: "Retry with the same id." });
    }
  });

  it("logs an unreachable database once per ten seconds, with the reason and not the query, and every other failure in full", () => {
    const log = vi.mocked(console.error);
    const unreachable = Object.assign(new Error('Failed query: insert into "events" …'), {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    });
    for (let second = 0; second < 25; second += 1) writeFailureResponse(unreachable, "Retry.", "POST /test", 1_000_000 + second * 1_000);
    const lines = log.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("[api] POST /test answered 503: the database is unreachable (connect ECONNREFUSED 127.0.0.1:5432)");
    expect(lines[1]).toContain("(9 more since the last message)");
    expect(lines.join("\n")).not.toContain("insert into");

    writeFailureResponse(new Error("boom"), "Retry.", "POST /test", 2_000_000);
    expect(log.mock.calls.at(-1)).toEqual(["[api] POST /test failed", expect.objectContaining({ message: "boom" })]);
  });
});
