import { Link, type ErrorComponentProps } from "@tanstack/react-router";
import { EmptyState, ErrorNotice } from "../features/tasks";

export function NotFound() {
  return (
    <EmptyState title="This page doesn't exist">
      <Link to="/">Go to the overview</Link>
    </EmptyState>
  );
}

/** A render error in one screen shows here instead of blanking the whole app. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return <ErrorNotice error={error} title="This screen failed to render" onRetry={reset} />;
}
