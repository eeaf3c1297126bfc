import { StatusIcon, type StatusTone } from '@/components/status-icon.tsx'
import { type ProtectionStatus, STATUS_LABELS } from '@/em/protection/protection-types.ts'

// A different glyph for each status, so none is told by colour alone (STYLE §3.12).
export const STATUS_TONES: Readonly<Record<ProtectionStatus, StatusTone>> = {
  outOfRpo: 'failed',
  neverReplicated: 'unknown',
  jobSilent: 'idle',
  atRisk: 'warning',
  protected: 'success',
}

/** A protection status: icon, word and colour, named for assistive tech. */
export function ProtectionBadge({ status }: { status: ProtectionStatus }) {
  return (
    <span className={`badge badge--${STATUS_TONES[status]}`} data-status={status}>
      <StatusIcon tone={STATUS_TONES[status]} />
      <span className="sr-only">Status: </span>
      {STATUS_LABELS[status]}
    </span>
  )
}
