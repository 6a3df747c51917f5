import { useId } from "react";
import { formatNumber } from "./ui/format";
import { PAGE_SIZES } from "./search";
import styles from "./Pagination.module.css";

interface Props {
  total: number;
  limit: number;
  offset: number;
  onChange: (page: { limit: number; offset: number }) => void;
}

/** limit/offset paging, exactly as the API pages. */
export function Pagination({ total, limit, offset, onChange }: Props) {
  const sizeId = useId();
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav className={styles.bar} aria-label="Pages">
      <span className="muted" data-testid="page-range">
        {formatNumber(first)}–{formatNumber(last)} of {formatNumber(total)}
      </span>
      <label htmlFor={sizeId} className={styles.size}>
        Rows per page
        <select
          id={sizeId}
          className="select"
          value={limit}
          onChange={(e) => onChange({ limit: Number(e.target.value), offset: 0 })}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-sm"
        disabled={offset === 0}
        onClick={() => onChange({ limit, offset: Math.max(0, offset - limit) })}
      >
        Previous
      </button>
      <button
        type="button"
        className="btn btn-sm"
        disabled={offset + limit >= total}
        onClick={() => onChange({ limit, offset: offset + limit })}
      >
        Next
      </button>
    </nav>
  );
}
