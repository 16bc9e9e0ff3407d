import { describe, expect, it } from "vitest";
import { nodeCatalogue } from "@/engine";
import { hasNodeIcon } from "./node-icons";

describe("node icons", () => {
  it("has an icon for every kind in the catalogue", () => {
    const missing = Object.values(nodeCatalogue)
      .filter((definition) => !hasNodeIcon(definition.icon))
      .map((definition) => definition.icon);
    expect(missing).toEqual([]);
  });
});
