// The filtered view as CSV: one line per row on screen, times in UTC, ages in hours (RFC 4180 via lib/csv.ts).

import { type ProtectionRow, STATUS_LABELS } from '@/em/protection/protection-types.ts'
import { type CsvCell, toCsv } from '@/lib/csv.ts'
import { formatUtc } from '@/lib/format-time.ts'

const HEADER = [
  'VM',
  'Job',
  'Backup server',
  'Platform',
  'Status',
  'Why',
  'Newest point (UTC)',
  'Point age (h)',
  'Latest run result',
  'Latest run (UTC)',
  'Failed runs in a row',
  'Reason',
] as const

function hours(ms: number | null): CsvCell {
  return ms === null ? null : Math.round(ms / 36_000) / 100
}

/** CSV text (header first) of the rows as shown, in their order. */
export function protectionToCsv(rows: readonly ProtectionRow[]): string {
  return toCsv([
    [...HEADER],
    ...rows.map((row): CsvCell[] => [
      row.vmName,
      row.jobName,
      row.serverName,
      row.platform,
      STATUS_LABELS[row.status],
      row.detail,
      row.lastPoint === null ? null : formatUtc(row.lastPoint),
      hours(row.ageMs),
      row.latestTask?.result ?? null,
      row.latestTask ? formatUtc(row.latestTask.time) : null,
      row.failedRuns,
      row.reason?.text ?? null,
    ]),
  ])
}

/** `protection-2025-11-05T1200Z.csv`: when it was taken, in UTC. */
export function protectionFileName(now: number): string {
  return `protection-${formatUtc(now).slice(0, 16).replaceAll(':', '')}Z.csv`
}
