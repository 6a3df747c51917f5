export { ProjectsPage } from "./ProjectsPage";
export { ProjectPage } from "./ProjectPage";
