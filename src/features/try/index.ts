// The try page (/try/:type): the edit canvas on a sample image, for people, tests and benchmarks.
import { lazyRouteComponent } from "@tanstack/react-router";

export const TryPage = lazyRouteComponent(() => import("./TryPage"), "TryPage");
