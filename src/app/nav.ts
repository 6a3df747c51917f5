// The navigation, in one list. Screens that other engineers are still building have a slot here
// with `ready: false`; flip it when their route is registered in router.tsx.
export interface NavItem {
  to: "/" | "/tasks" | "/projects" | "/settings" | "/audit" | "/work" | "/create";
  label: string;
  ready: boolean;
  /** Match only the exact path (the overview would otherwise match everything). */
  exact?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "Overview", ready: true, exact: true },
  { to: "/tasks", label: "Tasks", ready: true },
  { to: "/projects", label: "Projects", ready: true },
  { to: "/audit", label: "Quality assurance", ready: true },
  { to: "/work", label: "Workbench", ready: false },
  { to: "/create", label: "Create task", ready: false },
  { to: "/settings", label: "Settings", ready: true },
];
