/** Organization roles, shared by the database schema, the server's checks and the UI. */
export const roles = ["viewer", "editor", "admin", "owner"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export function hasRole(actual: Role, minimum: Role): boolean {
  return rank[actual] >= rank[minimum];
}

export const roleLabels: Record<Role, string> = {
  viewer: "Viewer",
  editor: "Editor",
  admin: "Admin",
  owner: "Owner",
};

export const roleDescriptions: Record<Role, string> = {
  viewer: "Reads workflows, runs and logs",
  editor: "Builds, publishes and tests workflows",
  admin: "Also manages members, API keys and connections",
  owner: "Everything, including ownership",
};
