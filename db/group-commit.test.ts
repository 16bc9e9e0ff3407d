import { describe, expect, it } from "vitest";
import { errorMessageOf } from "@/test-support/rejections";
import { createGroupCommit } from "./group-commit";

function recordingWriter(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  let release: () => void = () => {};
  let gate = Promise.resolve();
  const commit = createGroupCommit<number, string>(async (items) => {
    batches.push(items);
    await gate;
    const bad = items.find(fail);
    if (bad !== undefined) throw new Error(`item ${bad} is bad`);
    return items.map((item) => `stored ${item}`);
  });
  return {
    commit,
    batches,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

describe("group commit", () => {
  it("writes a lone item at once, in a batch of its own", async () => {
    const writer = recordingWriter();
    expect(await writer.commit.add(1)).toBe("stored 1");
    expect(writer.batches).toEqual([[1]]);
  });

  it("writes items added while a batch is in flight as one batch, and gives each caller its own result", async () => {
    const writer = recordingWriter();
    writer.hold();
    const first = writer.commit.add(1);
    await Promise.resolve();
    await Promise.resolve();
    const later = [2, 3, 4].map((item) => writer.commit.add(item));
    writer.release();
    expect(await first).toBe("stored 1");
    expect(await Promise.all(later)).toEqual(["stored 2", "stored 3", "stored 4"]);
    expect(writer.batches).toEqual([[1], [2, 3, 4]]);
  });

  it("retries a failed batch item by item, so only the bad item fails", async () => {
    const writer = recordingWriter((item) => item === 3);
    const results = [1, 2, 3].map((item) => writer.commit.add(item).then(String, (error: Error) => error.message));
    expect(await Promise.all(results)).toEqual(["stored 1", "stored 2", "item 3 is bad"]);
    expect(writer.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it("rejects a lone failing item with the writer's error", async () => {
    const writer = recordingWriter(() => true);
    expect(await errorMessageOf(() => writer.commit.add(7))).toBe("item 7 is bad");
  });
});
