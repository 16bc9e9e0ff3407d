import superjson from "superjson";

/**
 * superjson refuses any object with a key named `__proto__`, `constructor` or `prototype` (it
 * guards against prototype pollution), and stored payloads are outsiders' data: a CallRail form
 * field or a REST event may carry such a key. Those keys travel escaped with a leading `~`, and
 * every key already made of `~`s before one of those names gains one more, so the escape is
 * reversible. Objects are copied only where a key needs it; the decoded side builds objects with
 * `Object.fromEntries`, which defines `__proto__` as an own property instead of setting the prototype.
 */
const ESCAPABLE_KEY = /^~*(?:__proto__|constructor|prototype)$/;
const ESCAPED_KEY = /^~+(?:__proto__|constructor|prototype)$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function mapKeys(value: unknown, pattern: RegExp, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const mapped = mapKeys(item, pattern, rename);
      if (mapped !== item) (copy ??= value.slice())[index] = mapped;
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let changed = false;
  const entries = Object.keys(value).map((key): [string, unknown] => {
    const item = value[key];
    const mapped = mapKeys(item, pattern, rename);
    const name = pattern.test(key) ? rename(key) : key;
    if (mapped !== item || name !== key) changed = true;
    return [name, mapped];
  });
  return changed ? Object.fromEntries(entries) : value;
}

export function escapeReservedKeys(value: unknown): unknown {
  return mapKeys(value, ESCAPABLE_KEY, (key) => `~${key}`);
}

export function unescapeReservedKeys(value: unknown): unknown {
  return mapKeys(value, ESCAPED_KEY, (key) => key.slice(1));
}

/** The transformer of every tRPC call, on the server and in the browser. */
export const trpcTransformer = {
  serialize: (value: unknown) => superjson.serialize(escapeReservedKeys(value)),
  deserialize: (payload: Parameters<typeof superjson.deserialize>[0]) => unescapeReservedKeys(superjson.deserialize(payload)),
};
