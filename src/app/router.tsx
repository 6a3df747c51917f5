// Code-based routes. Search params are validated with the features' zod schemas (TanStack Router
// accepts Standard Schema validators directly), so filters survive reload and can be shared.
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, createRouter } from "@tanstack/react-router";
import { AuditPage, AuditSearch, AuditStatsPage, AuditStatsSearch } from "../features/audit";
import { CreateIndexPage, CreatePage, CreateSearch } from "../features/create";
import { DashboardPage, DashboardSearch } from "../features/dashboard";
import { ProjectPage, ProjectsPage } from "../features/projects";
import { SettingsPage } from "../features/settings";
import { TryPage } from "../features/try";
import { TaskDetailPage, TasksPage, TasksSearch } from "../features/tasks";
import { AccountPage, MembersPage } from "../features/team";
import { WorkQueuePage, WorkSearch, WorkTaskPage } from "../features/work";
import { AuthGate } from "./AuthGate";
import { NotFound, RouteError } from "./RouteFallbacks";

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AuthGate,
  notFoundComponent: NotFound,
});

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  validateSearch: DashboardSearch,
  component: DashboardPage,
});

const tasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "tasks",
  validateSearch: TasksSearch,
  component: TasksPage,
});

const taskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "tasks/$taskId",
  component: TaskDetailPage,
});

const projectsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "projects",
  component: ProjectsPage,
});

const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "projects/$name",
  component: ProjectPage,
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "settings",
  component: SettingsPage,
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "audit",
  validateSearch: AuditSearch,
  component: AuditPage,
});

const auditStatsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "audit/stats",
  validateSearch: AuditStatsSearch,
  component: AuditStatsPage,
});

const createIndexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "create",
  component: CreateIndexPage,
});

const createTypeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "create/$type",
  validateSearch: CreateSearch,
  component: CreatePage,
});

const tryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "try/$type",
  component: TryPage,
});
// Teams: the set-password page (AuthGate renders it before sign-in), members, my account.
const welcomeRoute = createRoute({ getParentRoute: () => rootRoute, path: "welcome", component: () => null });
const membersRoute = createRoute({ getParentRoute: () => rootRoute, path: "settings/members", component: MembersPage });
const accountRoute = createRoute({ getParentRoute: () => rootRoute, path: "account", component: AccountPage });
// The workbench: the queue and one task at a time (filters ride along in the URL).
const workRoute = createRoute({ getParentRoute: () => rootRoute, path: "work", validateSearch: WorkSearch, component: WorkQueuePage });
const workTaskRoute = createRoute({ getParentRoute: () => rootRoute, path: "work/$taskId", validateSearch: WorkSearch, component: WorkTaskPage });

const routeTree = rootRoute.addChildren([
  welcomeRoute,
  membersRoute,
  accountRoute,
  workRoute,
  workTaskRoute,
  overviewRoute,
  tasksRoute,
  taskRoute,
  projectsRoute,
  projectRoute,
  auditRoute,
  auditStatsRoute,
  settingsRoute,
  tryRoute,
  createIndexRoute,
  createTypeRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultErrorComponent: RouteError,
    defaultPreload: "intent",
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
