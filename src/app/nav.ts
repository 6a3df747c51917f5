// The navigation, in one list. Screens that other engineers are still building have a slot here
// with `ready: false`; flip it when their route is registered in router.tsx. `roles` hides what a
// role may not use (the server refuses it anyway: see src/server/accounts/roles.ts).
import type { Role } from "../client";

export interface NavItem {
  to: "/" | "/tasks" | "/projects" | "/settings" | "/audit" | "/work" | "/create" | "/settings/members" | "/account";
  label: string;
  ready: boolean;
  /** Match only the exact path (the overview would otherwise match everything). */
  exact?: boolean;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ["admin", "manager", "reviewer", "labeler"];
const BROWSE: readonly Role[] = ["admin", "manager", "reviewer"];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "Overview", ready: true, exact: true, roles: BROWSE },
  { to: "/tasks", label: "Tasks", ready: true, roles: BROWSE },
  { to: "/projects", label: "Projects", ready: true, roles: BROWSE },
  { to: "/audit", label: "Quality assurance", ready: true, roles: BROWSE },
  // The workbench: everyone who labels (the server's WORK roles in members/roles.ts).
  { to: "/work", label: "Work", ready: true, roles: ["admin", "manager", "labeler"] },
  { to: "/create", label: "Create task", ready: true, roles: ["admin", "manager"] },
  { to: "/settings", label: "Settings", ready: true, exact: true, roles: ["admin"] },
  { to: "/settings/members", label: "Members", ready: true, roles: ["admin"] },
  { to: "/account", label: "My account", ready: true, roles: ALL },
];

/** The items a role sees. */
export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.ready && item.roles.includes(role));
}

function owns(item: NavItem, pathname: string): boolean {
  return item.exact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** False when the path is one of the screens and none the role may use (a task's page belongs to Tasks). */
export function pathAllowed(role: Role, pathname: string): boolean {
  const screens = NAV_ITEMS.filter((item) => item.ready && owns(item, pathname));
  return screens.length === 0 || screens.some((item) => item.roles.includes(role));
}
