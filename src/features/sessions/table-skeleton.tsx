import './sessions.css'

const ROWS = Array.from({ length: 8 }, (_, index) => index)

/** The first-load placeholder: the table's shape, announced as loading. */
export function TableSkeleton() {
  return (
    <div className="table-skeleton" role="status" aria-label="Loading sessions">
      {ROWS.map((row) => (
        <div key={row} className="skeleton table-skeleton__row" />
      ))}
    </div>
  )
}

/** The route's pending view (a slow first answer from EM). */
export function SessionsExplorerPending() {
  return (
    <div className="explorer">
      <h1>Replica sessions</h1>
      <TableSkeleton />
    </div>
  )
}
