import { describe, expect, it } from "vitest";
import { findUnstorableValue, MAX_JSON_DEPTH } from "./storable-json";
import { truncateText } from "./truncate-text";

function nestedArrays(levels: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < levels; level++) value = [value];
  return value;
}

describe("findUnstorableValue", () => {
  it("accepts what PostgreSQL stores: any well-formed text, numbers, prototype names as keys", () => {
    expect(
      findUnstorableValue({
        name: "Jane 😀 \u0007\u001f\u2028",
        n: [1e308, -0, 2 ** 53],
        constructor: "prototype",
        ...JSON.parse('{"__proto__":{"constructor":"prototype"}}'),
      }),
    ).toBeNull();
    expect(findUnstorableValue(nestedArrays(MAX_JSON_DEPTH))).toBeNull();
  });

  it("names the first NUL or lone surrogate in a value or a key, with its path", () => {
    expect(findUnstorableValue({ caller: { name: "a\u0000b" } })).toEqual({
      path: "caller.name",
      message: 'The text at "caller.name" contains a NUL character (\\u0000), which cannot be stored.',
    });
    expect(findUnstorableValue({ tags: ["ok", "\udc00"] })?.path).toBe("tags.1");
    expect(findUnstorableValue({ caller: { "x\ud800": 1 } })?.message).toBe(
      'The key "x\\ud800" at "caller" contains a lone UTF-16 surrogate (half of a character, \\ud800–\\udfff, without its other half), which cannot be stored.',
    );
    expect(findUnstorableValue("\u0000")?.message).toContain("at the top level");
    expect(findUnstorableValue({ ok: "x" }, ["form_data"])).toBeNull();
    expect(findUnstorableValue({ bad: "\u0000" }, ["form_data"])?.path).toBe("form_data.bad");
  });

  it("refuses nesting one level past the limit, without walking further", () => {
    const found = findUnstorableValue(nestedArrays(MAX_JSON_DEPTH + 1));
    expect(found?.message).toContain(`more than ${MAX_JSON_DEPTH} levels deep`);
    expect(found?.path.split(".")).toHaveLength(MAX_JSON_DEPTH);
    expect(findUnstorableValue(JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`))).not.toBeNull();
  });

  it("keeps messages short when a key is long", () => {
    expect(findUnstorableValue({ ["k".repeat(10_000)]: "\u0000" })!.message.length).toBeLessThan(200);
  });
});

describe("truncateText", () => {
  it("cuts at the limit, one unit early rather than through an emoji", () => {
    expect(truncateText("abc", 5)).toBe("abc");
    expect(truncateText("abcdef", 3)).toBe("abc");
    expect(truncateText("ab😀", 3)).toBe("ab");
    expect(truncateText("a😀b", 3)).toBe("a😀");
  });
});
