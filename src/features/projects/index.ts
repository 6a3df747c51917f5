import { lazyRouteComponent } from "@tanstack/react-router";

export const ProjectsPage = lazyRouteComponent(() => import("./ProjectsPage"), "ProjectsPage");
export const ProjectPage = lazyRouteComponent(() => import("./ProjectPage"), "ProjectPage");
