import { formatDateTime } from "./format";

/** A locale-formatted time with the exact ISO value on hover. */
export function Timestamp({ value, short = false }: { value: string | null | undefined; short?: boolean }) {
  if (!value) return <span className="faint">—</span>;
  return (
    <time dateTime={value} title={value}>
      {formatDateTime(value, short)}
    </time>
  );
}
