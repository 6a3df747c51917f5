import type { Role } from "../../client";

export const ROLE_OPTIONS: readonly Role[] = ["admin", "manager", "reviewer", "labeler"];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  manager: "Manager",
  reviewer: "Reviewer",
  labeler: "Labeler",
};

/** What each role may do, as the server's endpoint table decides it (src/server/accounts/roles.ts). */
export const ROLE_SUMMARY: Record<Role, string> = {
  admin: "everything, including members, keys and settings",
  manager: "create, browse, export, audit, cancel and manage projects",
  reviewer: "browse tasks and audit them",
  labeler: "the work queue",
};
