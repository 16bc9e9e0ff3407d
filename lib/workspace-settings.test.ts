import { describe, expect, it } from "vitest";
import { workspaceSetupSchema } from "./workspace-settings";

describe("workspace settings", () => {
  it("stores a time zone under its own name, whatever its case", () => {
    expect(workspaceSetupSchema.parse({ name: "Bright Smile", timezone: "america/new_york" }).timezone).toBe("America/New_York");
    expect(workspaceSetupSchema.safeParse({ name: "Bright Smile", timezone: "Mars/Olympus" }).success).toBe(false);
  });

  it("keeps the business name on one line", () => {
    expect(workspaceSetupSchema.parse({ name: "  Bright\nSmile\tDental ", timezone: "UTC" }).name).toBe("Bright Smile Dental");
  });
});
