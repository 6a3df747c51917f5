import { lazyRouteComponent } from "@tanstack/react-router";

// Pages load on first visit (their charts and canvas are the bulk of the console's code).
export const DashboardPage = lazyRouteComponent(() => import("./DashboardPage"), "DashboardPage");
export { DashboardSearch } from "./search";
