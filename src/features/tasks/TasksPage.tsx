// /tasks: filters, the virtualized table, paging, selection with bulk actions and export.
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useMemo } from "react";
import { useTaskList } from "../../client";
import { BulkActions } from "./BulkActions";
import { ExportStatus } from "./ExportStatus";
import { Pagination } from "./Pagination";
import { DEFAULT_PAGE_SIZE, searchToFilters } from "./search";
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
  // A search that can't be a task id matches nothing; don't ask the server (it would answer 400).
  const impossibleSearch = Boolean(search.q && !filters.task_id);
  const list = useTaskList({ ...filters, limit, offset }, { enabled: !impossibleSearch });
  const tasks = useMemo(() => list.data?.docs ?? [], [list.data]);
  const { selection, ids, pendingIds, clear } = useSelection(tasks);
  const exporter = useTaskExport();
  const exporting = exporter.state.phase === "running";

  // A different filter is a different set of tasks; a selection from the old set would mislead.
  const filterKey = JSON.stringify(filters);
  useEffect(() => clear(), [filterKey, clear]);

  const total = list.data?.total;
  return (
    <>
      <PageHeader
        title="Tasks"
        subtitle={total !== undefined ? `${formatNumber(total)} tasks match, newest first` : "Newest first"}
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
      <TaskFilters />
      <ExportStatus state={exporter.state} onCancel={exporter.cancel} onDismiss={exporter.dismiss} />
      <BulkActions
        ids={ids}
        pendingIds={pendingIds}
        exporting={exporting}
        onClear={clear}
        onExport={() => void exporter.start({}, `${ids.length} selected`, ids)}
      />
      {impossibleSearch ? (
        <EmptyState title="No task matches this id">Task ids are 24 hexadecimal characters (0-9, a-f).</EmptyState>
      ) : list.isPending ? (
        <Loading label="Loading tasks…" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : tasks.length === 0 ? (
        <EmptyState title={offset > 0 ? "No tasks on this page" : "No tasks match these filters"}>
          {offset > 0 ? "Go back a page." : "Change or clear the filters to see more."}
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
