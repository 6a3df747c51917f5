import { useQuery } from "@tanstack/react-query";
import { errorStatus, getProject, queryKeys } from "../../../client";
import type { TaskType } from "../../../schema";
import type { Body } from "./body";
import type { InheritedVersion } from "./context";
import { templateParams } from "./validate";

/** The project version a task with this body inherits from, as the create route picks it. */
/** `type` (optional) also checks that the project is one of this type, as the create route does. */
export function useInherited(body: Body, type?: TaskType): { inherited: InheritedVersion | null; loading: boolean; problem: string | null } {
  const name = typeof body.project === "string" ? body.project : "";
  const query = useQuery({
    queryKey: queryKeys.projects.detail(name),
    queryFn: ({ signal }) => getProject(name, signal),
    enabled: name !== "",
    retry: false,
  });
  if (name && query.isError) {
    // The create route's words for a project it can't use (src/server/tasks/create.ts).
    const problem = errorStatus(query.error) === 404 ? `project: there is no project named "${name}"` : null;
    return { inherited: null, loading: false, problem };
  }
  if (!name || !query.data) return { inherited: null, loading: name !== "" && query.isPending, problem: null };
  if (type !== undefined && query.data.type !== type) {
    return { inherited: null, loading: false, problem: `project: "${name}" is a project of ${query.data.type} tasks, not ${type}` };
  }
  const wanted = typeof body.project_param_version === "number" ? body.project_param_version : undefined;
  if (wanted === -1) return { inherited: null, loading: false, problem: null };
  const history = query.data.param_history;
  const entry = wanted === undefined ? history[history.length - 1] : history.find((h) => h.version === wanted);
  if (!entry) {
    const latest = history[history.length - 1]?.version ?? 0;
    return { inherited: null, loading: false, problem: `project_param_version: project "${name}" has no version ${wanted} (latest is ${latest})` };
  }
  return {
    inherited: {
      project: query.data.name,
      version: entry.version,
      instruction: typeof entry.instruction === "string" ? entry.instruction : undefined,
      params: templateParams(entry),
    },
    loading: false,
    problem: null,
  };
}

/** A project's param versions (empty while loading, or with no project). */
export function useProjectHistory(name: string) {
  const query = useQuery({
    queryKey: queryKeys.projects.detail(name),
    queryFn: ({ signal }) => getProject(name, signal),
    enabled: name !== "",
    retry: false,
  });
  return name ? (query.data?.param_history ?? []) : [];
}
