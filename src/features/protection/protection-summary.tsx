import { LocalTime } from '@/components/local-time.tsx'
import { StatusIcon } from '@/components/status-icon.tsx'
import {
  type ProtectionRow,
  type ProtectionStatus,
  STATUS_LABELS,
  STATUSES,
} from '@/em/protection/protection-types.ts'
import { formatAge } from '@/lib/format-time.ts'
import { STATUS_TONES } from './protection-badge.tsx'

export interface ProtectionSummaryProps {
  /** The rows of the chosen scope (job, server, platform, VM), whatever their status. */
  rows: readonly ProtectionRow[]
  rpoHours: number
  now: number
  /** Statuses whose counts are lower bounds (EM refused what they rest on): shown as "≥ n", with why. */
  lowerBounds: readonly ProtectionStatus[]
  selected: readonly ProtectionStatus[] | undefined
  onStatus: (status: ProtectionStatus | undefined) => void
}

/** Counts per status (each a filter), the oldest newest point and the share of VMs within the RPO. */
export function ProtectionSummary(props: ProtectionSummaryProps) {
  const { rows, rpoHours, now, selected, onStatus } = props
  const counts = new Map<ProtectionStatus, number>(STATUSES.map((status) => [status, 0]))
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1)
  const within = rows.filter((row) => row.ageMs !== null && row.ageMs <= rpoHours * 3_600_000).length
  const oldest = rows.reduce<number | null>(
    (min, row) => (row.lastPoint !== null && (min === null || row.lastPoint < min) ? row.lastPoint : min),
    null,
  )
  const only = selected?.length === 1 ? selected[0] : undefined
  return (
    <section className="prot-summary" aria-label="Summary of the VMs in view">
      <ul className="prot-summary__list">
        <li className="prot-summary__tile">
          <span className="prot-summary__label">VMs</span>
          <span className="prot-summary__value">{rows.length.toLocaleString()}</span>
        </li>
        {STATUSES.map((status) => (
          <li key={status} className={`prot-summary__tile prot-summary__tile--${STATUS_TONES[status]}`}>
            <button
              type="button"
              className="prot-summary__button"
              aria-pressed={only === status}
              onClick={() => onStatus(only === status ? undefined : status)}
            >
              <span className="prot-summary__label">
                <StatusIcon tone={STATUS_TONES[status]} /> {STATUS_LABELS[status]}
              </span>
              <span className="prot-summary__value">
                {props.lowerBounds.includes(status) ? '≥\u00a0' : ''}
                {(counts.get(status) ?? 0).toLocaleString()}
              </span>
              {props.lowerBounds.includes(status) ? (
                <span className="prot-summary__sub">at least: see below</span>
              ) : null}
            </button>
          </li>
        ))}
        <li className="prot-summary__tile">
          <span className="prot-summary__label">Within {rpoHours} h RPO</span>
          <span className="prot-summary__value">
            {rows.length === 0 ? '—' : `${Math.floor((1000 * within) / rows.length) / 10}\u00a0%`}
          </span>
        </li>
        <li className="prot-summary__tile">
          <span className="prot-summary__label">Oldest last point</span>
          <span className="prot-summary__value prot-summary__value--small">
            {oldest === null ? '—' : `${formatAge(now - oldest)} old`}
          </span>
          {oldest === null ? null : (
            <span className="prot-summary__sub">
              <LocalTime ms={oldest} />
            </span>
          )}
        </li>
      </ul>
    </section>
  )
}
