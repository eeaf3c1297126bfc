import './pager.css'
export interface PagerProps {
  page: number
  pagesCount: number
  canPrevious: boolean
  canNext: boolean
  onFirst: () => void
  onPrevious: () => void
  onNext: () => void
  onLast: () => void
  pageSize: number
  pageSizes: readonly number[]
  onPageSize: (size: number) => void
}

/** First / previous / next / last, "Page x of y" and the page size. Last also leads back from past the end. */
export function Pager(props: PagerProps) {
  const { page, pagesCount, canPrevious, canNext, pageSize, pageSizes } = props
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button button--small" onClick={props.onFirst} disabled={page <= 1}>
        <span aria-hidden="true">«</span> First
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={props.onPrevious}
        disabled={!canPrevious}
      >
        <span aria-hidden="true">‹</span> Previous
      </button>
      <span className="pager__position" aria-live="polite">
        Page {page} of {Math.max(pagesCount, 1)}
      </span>
      <button type="button" className="button button--small" onClick={props.onNext} disabled={!canNext}>
        Next <span aria-hidden="true">›</span>
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={props.onLast}
        disabled={page === pagesCount}
      >
        Last <span aria-hidden="true">»</span>
      </button>
      <label className="pager__size">
        Rows per page{' '}
        <select
          className="input"
          value={pageSize}
          onChange={(event) => props.onPageSize(Number(event.target.value))}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  )
}
