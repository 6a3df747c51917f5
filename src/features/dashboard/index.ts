export { DashboardPage } from "./DashboardPage";
export { DashboardSearch } from "./search";
