import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { escapeReservedKeys, trpcTransformer, unescapeReservedKeys } from "./trpc-transformer";

const roundTrip = (value: unknown) => trpcTransformer.deserialize(JSON.parse(JSON.stringify(trpcTransformer.serialize(value))));

describe("the tRPC transformer", () => {
  it("carries keys superjson refuses, as own properties, without touching any prototype", () => {
    const payload = JSON.parse('{"form":{"fields":{"__proto__":{"isAdmin":true},"constructor":"Bob","prototype":1}}}');
    expect(() => superjson.serialize(payload)).toThrow(/prototype pollution/);

    const received = roundTrip({ event: payload, at: new Date("2026-12-01T10:00:00Z") }) as { event: typeof payload; at: Date };

    expect(received.at).toBeInstanceOf(Date);
    const fields = received.event.form.fields;
    expect(Object.keys(fields)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(fields, "__proto__")?.value).toEqual({ isAdmin: true });
    expect(fields.constructor).toBe("Bob");
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("keeps keys that only look escaped distinct from escaped ones", () => {
    const value = { "~constructor": 1, constructor: 2, "~~__proto__": 3, "~other": 4 };
    expect(roundTrip(value)).toEqual(value);
  });

  it("returns the same objects when there is nothing to escape", () => {
    const value = { a: [{ b: 1 }], c: new Date(0) };
    expect(escapeReservedKeys(value)).toBe(value);
    expect(unescapeReservedKeys(value)).toBe(value);
  });

  it("round-trips any JSON, whatever its keys", () => {
    const key = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "prototype", "~__proto__", "~~constructor", "~"));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(JSON.stringify(roundTrip(JSON.parse(JSON.stringify(value))))).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });
});
