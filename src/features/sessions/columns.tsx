// The explorer's columns. Sortable columns are identified by their EM field name (em-api.md §4.3), so the table's
// sorting state is the URL's `sort` without translation; Progress and Duration are not sortable in EM. Which
// columns show, and in what order, is the browser's choice (table-layout/column-layout.ts).

import { Link } from '@tanstack/react-router'
import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table'
import { LiveDuration } from '@/components/live-duration.tsx'
import { LocalTime } from '@/components/local-time.tsx'
import { ProgressBar } from '@/components/progress-bar.tsx'
import { StatusBadge } from '@/components/status-badge.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { durationGrows, durationMs, isRunning } from '@/em/session-status.ts'
import { NewMark } from './new-since/new-mark.tsx'
import { RowActions } from './row-actions.tsx'

// EM sorts and pages (STYLE §3.5): those features are registered for their state and handlers, no client row
// models; visibility and order are the column chooser's.
export const sessionTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
})

// Long names are cut with an ellipsis to keep rows one line high; the whole text is on hover.
function CellText({ text }: { text: string }) {
  return (
    <span className="cell-text" title={text}>
      {text}
    </span>
  )
}

const column = createColumnHelper<typeof sessionTableFeatures, ReplicaJobSession>()

export const sessionColumns = column.columns([
  column.accessor('jobName', {
    id: 'JobName',
    header: 'Job',
    // The row's link lives here: Job is always shown, while Session name (job + start time) starts hidden.
    enableHiding: false,
    cell: ({ row }) => (
      <Link
        to="/sessions/$id"
        params={{ id: row.original.id }}
        className="session-link"
        data-row-link=""
        title={row.original.name}
      >
        {row.original.jobName}
      </Link>
    ),
  }),
  column.accessor('state', {
    id: 'State',
    header: 'State',
    cell: ({ row }) => <StatusBadge kind="state" value={row.original.state} />,
  }),
  column.accessor('result', {
    id: 'Result',
    header: 'Result',
    cell: ({ row }) => (
      <>
        <StatusBadge kind="result" value={row.original.result} />
        <NewMark session={row.original} />
      </>
    ),
  }),
  column.accessor('backupServerName', {
    id: 'BackupServerName',
    header: 'Backup server',
    cell: ({ row }) => <CellText text={row.original.backupServerName ?? '—'} />,
  }),
  column.accessor('creationTime', {
    id: 'CreationTime',
    header: 'Started',
    sortDescFirst: true,
    cell: ({ row }) => <LocalTime ms={row.original.creationTime} />,
  }),
  column.accessor('endTime', {
    id: 'EndTime',
    header: 'Ended',
    sortDescFirst: true,
    cell: ({ row }) => (
      <LocalTime ms={row.original.endTime} fallback={isRunning(row.original) ? 'running' : 'unknown'} />
    ),
  }),
  column.display({
    id: 'Duration',
    header: 'Duration',
    enableSorting: false,
    cell: ({ row }) => (
      <LiveDuration msAt={(now) => durationMs(row.original, now)} ticking={durationGrows(row.original)} />
    ),
  }),
  column.accessor('progress', {
    id: 'Progress',
    header: 'Progress',
    enableSorting: false,
    cell: ({ row }) => (
      <ProgressBar
        value={row.original.progress}
        running={isRunning(row.original)}
        label={`Progress of ${row.original.name}`}
      />
    ),
  }),
  column.accessor('isRetry', {
    id: 'IsRetry',
    header: 'Retry',
    cell: ({ row }) =>
      row.original.isRetry ? (
        <span className="retry-mark" title="This session is a retry">
          <span aria-hidden="true">↻</span> Retry
        </span>
      ) : null,
  }),
  column.display({
    id: 'Actions',
    header: 'Actions',
    enableSorting: false,
    cell: ({ row }) => <RowActions session={row.original} />,
  }),
  column.accessor('name', {
    id: 'Name',
    header: 'Session name',
    cell: ({ row }) => <CellText text={row.original.name} />,
  }),
])
