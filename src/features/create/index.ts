// Visual task creation (/create, /create/:type): a form generated from each type's schema.
import { lazyRouteComponent } from "@tanstack/react-router";

export const CreateIndexPage = lazyRouteComponent(() => import("./CreateIndexPage"), "CreateIndexPage");
export const CreatePage = lazyRouteComponent(() => import("./CreatePage"), "CreatePage");
export { CreateSearch } from "./prefill";
