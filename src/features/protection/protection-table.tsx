// One row per VM and job, worst first by default. Virtual rows (only those in view are in the DOM), so 2,000 VMs
// scroll smoothly; sorting happens in the browser and lives in the URL.
import { Link, useNavigate } from '@tanstack/react-router'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type CSSProperties, type KeyboardEvent, useRef } from 'react'
import '@/components/grid-table.css'
import { GridHeader } from '@/components/grid-header.tsx'
import { LocalTime } from '@/components/local-time.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import { withoutForcedLayout } from '@/components/virtual-after-layout.ts'
import type { ProtectionRow } from '@/em/protection/protection-types.ts'
import { formatAge } from '@/lib/format-time.ts'
import { ProtectionBadge } from './protection-badge.tsx'
import { parseSort, type SortField } from './search-params.ts'

const ROW_HEIGHT = 52

// Each column's grid track: a fixed width where the content is (badges, times), a share of the rest for names.
const COLUMNS: readonly { id: string; label: string; track: string; sort?: SortField }[] = [
  { id: 'status', label: 'Status', track: '10rem', sort: 'status' },
  { id: 'vm', label: 'VM', track: 'minmax(8rem, 1.1fr)', sort: 'vm' },
  { id: 'job', label: 'Job (replica)', track: 'minmax(9rem, 1.2fr)', sort: 'job' },
  { id: 'server', label: 'Backup server', track: 'minmax(9rem, 1fr)', sort: 'server' },
  { id: 'point', label: 'Newest point', track: '11.5rem', sort: 'age' },
  { id: 'run', label: 'Latest run', track: '15rem', sort: 'run' },
  { id: 'reason', label: 'Why', track: 'minmax(16rem, 2fr)' },
]
// Below this width the table scrolls sideways in its scroller instead of squeezing the columns.
const TABLE_STYLE = {
  '--grid-columns': COLUMNS.map((column) => column.track).join(' '),
  minWidth: '78rem',
} as CSSProperties

export interface ProtectionTableProps {
  rows: readonly ProtectionRow[]
  sort: string
  now: number
  rpoHours: number
  windowHours: number
  stale: boolean
  onSort: (sort: string) => void
}

function historySearch(row: ProtectionRow, props: ProtectionTableProps) {
  return {
    vm: row.vmName,
    job: row.jobName,
    server: row.serverName ?? undefined,
    rpo: props.rpoHours,
    window: props.windowHours,
  }
}

function PointCell({ row, now }: { row: ProtectionRow; now: number }) {
  if (row.lastPoint === null)
    return <span>{row.olderThan === null ? 'None' : `None in ${formatAge(now - row.olderThan)}`}</span>
  return (
    <span className="prot-cell-stack">
      <strong>{formatAge(row.ageMs ?? 0)} old</strong>
      <LocalTime ms={row.lastPoint} />
    </span>
  )
}

function RunCell({ row }: { row: ProtectionRow }) {
  const task = row.latestTask
  if (task === null) return <span>No run in the window</span>
  const running = task.state !== 'Completed' && !task.fromPoint
  return (
    <span
      className="prot-cell-stack"
      title={task.fromPoint ? 'Told by the replica point this run left' : undefined}
    >
      <span>
        {running ? (
          <StatusBadge kind="state" value={task.state} />
        ) : (
          <StatusBadge kind="result" value={task.result} />
        )}
        {row.failedRuns > 1 ? (
          <span className="prot-streak">
            {row.streakOpen ? ` all ${row.failedRuns} runs failed` : ` ${row.failedRuns} runs failed`}
          </span>
        ) : null}
      </span>
      <LocalTime ms={task.time} />
    </span>
  )
}

export function ProtectionTable(props: ProtectionTableProps) {
  const { rows, now } = props
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // No forced layout in the render's task (components/virtual-after-layout.ts).
    ...withoutForcedLayout(),
  })
  const navigate = useNavigate()
  const { field, desc } = parseSort(props.sort)

  function open(row: ProtectionRow) {
    void navigate({ to: '/protection/vm', search: historySearch(row, props) })
  }
  function onKey(event: KeyboardEvent, row: ProtectionRow) {
    if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement)) open(row)
  }

  return (
    <div ref={scroller} className="grid-table-scroller">
      <table
        className={props.stale ? 'grid-table grid-table--stale' : 'grid-table'}
        style={TABLE_STYLE}
        aria-rowcount={rows.length + 1}
      >
        <caption className="sr-only">
          Replicated VMs, {rows.length} rows{props.stale ? ' (not current: the last refresh failed)' : ''}
        </caption>
        <thead className="grid-table__head">
          <tr className="grid-table__row" aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const sort = column.sort
              const sorted = sort === field
              return (
                <GridHeader
                  key={column.id}
                  label={column.label}
                  className={`prot-col--${column.id}`}
                  sorted={sorted && (desc ? 'desc' : 'asc')}
                  onSort={
                    sort ? () => props.onSort(`${sort}.${sorted && !desc ? 'desc' : 'asc'}`) : undefined
                  }
                />
              )
            })}
          </tr>
        </thead>
        <tbody className="grid-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <tr
                key={row.key}
                aria-rowindex={item.index + 2}
                className="grid-table__row grid-table__row--data"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(event) => {
                  if (!(event.target instanceof Element && event.target.closest('a, button'))) open(row)
                }}
                onKeyDown={(event) => onKey(event, row)}
              >
                <td className="grid-table__cell">
                  <ProtectionBadge status={row.status} />
                </td>
                <td className="grid-table__cell">
                  <Link
                    to="/protection/vm"
                    search={historySearch(row, props)}
                    className="prot-vm-link"
                    title={`History of ${row.vmName}`}
                  >
                    {row.vmName}
                  </Link>
                </td>
                <td className="grid-table__cell" title={row.jobName}>
                  <span className="prot-clip">{row.jobName}</span>
                </td>
                <td className="grid-table__cell prot-cell-stack">
                  <span>{row.serverName ?? '—'}</span>
                  <span className="prot-muted">{row.platform ?? ''}</span>
                </td>
                <td className="grid-table__cell">
                  <PointCell row={row} now={now} />
                </td>
                <td className="grid-table__cell">
                  <RunCell row={row} />
                </td>
                <td className="grid-table__cell prot-cell-stack" title={row.reason?.text ?? row.detail}>
                  <span>{row.detail}</span>
                  {row.reason ? <span className="prot-muted">{row.reason.text}</span> : null}
                  {row.notes.map((note) => (
                    <span key={note} className="prot-note">
                      {note}
                    </span>
                  ))}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
