import { useQuery } from "@tanstack/react-query";
import { getProject, queryKeys } from "../../../client";
import type { Body } from "./body";
import type { InheritedVersion } from "./context";
import { templateParams } from "./validate";

/** The project version a task with this body inherits from, as the create route picks it. */
export function useInherited(body: Body): { inherited: InheritedVersion | null; loading: boolean } {
  const name = typeof body.project === "string" ? body.project : "";
  const query = useQuery({
    queryKey: queryKeys.projects.detail(name),
    queryFn: ({ signal }) => getProject(name, signal),
    enabled: name !== "",
    retry: false,
  });
  if (!name || !query.data) return { inherited: null, loading: name !== "" && query.isPending };
  const wanted = typeof body.project_param_version === "number" ? body.project_param_version : undefined;
  if (wanted === -1) return { inherited: null, loading: false };
  const history = query.data.param_history;
  const entry = wanted === undefined ? history[history.length - 1] : history.find((h) => h.version === wanted);
  if (!entry) return { inherited: null, loading: false };
  return {
    inherited: {
      project: query.data.name,
      version: entry.version,
      instruction: typeof entry.instruction === "string" ? entry.instruction : undefined,
      params: templateParams(entry),
    },
    loading: false,
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
