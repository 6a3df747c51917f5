// /tasks: filters, the virtualized table, paging, selection with bulk actions and export.
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useMemo } from "react";
import { useTaskList } from "../../client";
import { BulkActions } from "./BulkActions";
import { ExportStatus } from "./ExportStatus";
import { Pagination } from "./Pagination";
import { DEFAULT_PAGE_SIZE, filterProblem, searchToFilters } from "./search";
import { TaskFilters } from "./TaskFilters";
import { TaskTable } from "./TaskTable";
import { useSelection } from "./useSelection";
import { useTaskExport } from "./useTaskExport";
import { formatNumber } from "./ui/format";
import { PageHeader } from "./ui/PageHeader";
import { EmptyState, ErrorNotice, Loading } from "./ui/states";

const route = getRouteApi("/tasks");

export function TasksPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filters = useMemo(() => searchToFilters(search), [search]);
  const limit = search.limit ?? DEFAULT_PAGE_SIZE;
  const offset = search.offset ?? 0;
  // A filter that can't match (an id search that isn't hex, dates the wrong way round) matches
  // nothing; don't ask the server, say what is wrong instead.
  const problem = filterProblem(search);
  const impossibleSearch = problem !== null;
  const list = useTaskList({ ...filters, limit, offset }, { enabled: !impossibleSearch });
  const tasks = useMemo(() => list.data?.docs ?? [], [list.data]);
  const { selection, ids, pendingIds, clear } = useSelection(tasks);
  const exporter = useTaskExport();
  const exporting = exporter.state.phase === "running";

  // A different filter is a different set of tasks; a selection from the old set would mislead.
  const filterKey = JSON.stringify(filters);
  useEffect(() => clear(), [filterKey, clear]);

  // One count, and only a true one: none while the previous filter's page is still on screen.
  const total = impossibleSearch ? 0 : list.isPlaceholderData ? undefined : list.data?.total;
  const subtitle =
    total === undefined
      ? list.isFetching
        ? "Counting…"
        : "Newest first"
      : total === 0
        ? "No tasks match"
        : `${formatNumber(total)} ${total === 1 ? "task matches" : "tasks match"}, newest first`;
  return (
    <>
      <PageHeader
        title="Tasks"
        subtitle={<span data-testid="task-count">{subtitle}</span>}
        actions={
          <button
            type="button"
            className="btn"
            disabled={exporting || impossibleSearch || total === 0}
            onClick={() => void exporter.start(filters, "the filtered tasks")}
          >
            Export JSON
          </button>
        }
      />
      <TaskFilters problem={problem} />
      <ExportStatus state={exporter.state} onCancel={exporter.cancel} onDismiss={exporter.dismiss} />
      <BulkActions
        ids={ids}
        pendingIds={pendingIds}
        exporting={exporting}
        onClear={clear}
        onExport={() => void exporter.start({}, `${ids.length} selected`, ids)}
      />
      {problem ? (
        <EmptyState title={problem.field === "q" ? "No task matches this id" : "No day is in this date range"}>{problem.message}</EmptyState>
      ) : list.isPending ? (
        <Loading label="Loading tasks…" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : tasks.length === 0 ? (
        <EmptyState title={offset > 0 ? "No tasks on this page" : search.q ? "No task matches this id" : "No tasks match these filters"}>
          {offset > 0
            ? "Go back a page."
            : search.q
              ? `No task id starts with "${search.q}"${hasOtherFilters(search) ? " among the tasks the other filters allow" : ""}.`
              : "Change or clear the filters to see more."}
        </EmptyState>
      ) : (
        <div aria-busy={list.isFetching}>
          <TaskTable tasks={tasks} selection={selection} label="Tasks" />
          <Pagination
            total={list.data.total}
            limit={limit}
            offset={offset}
            onChange={(page) =>
              void navigate({
                search: (prev) => ({
                  ...prev,
                  limit: page.limit === DEFAULT_PAGE_SIZE ? undefined : page.limit,
                  offset: page.offset || undefined,
                }),
              })
            }
          />
        </div>
      )}
    </>
  );
}

function hasOtherFilters(search: { status?: unknown; type?: unknown; project?: unknown; from?: unknown; to?: unknown; callback?: unknown }): boolean {
  return Boolean(search.status || search.type || search.project || search.from || search.to || search.callback);
}
