// The wall's "VMs out of RPO" tile: the protection view's rows whose newest replica point is older than the RPO,
// or missing, within the wall's job and server filter; worst (never, then oldest) first.
import type { ProtectionRow, ProtectionView } from '@/em/protection/protection-types.ts'
import type { SessionFilter } from '@/em/session-query-path.ts'

export interface OutOfRpo {
  rows: ProtectionRow[]
  /** The count is a lower bound (some VMs cannot be seen or were not looked up). */
  atLeast: boolean
}

const same = (a: string | null, b: string | undefined) =>
  b === undefined || b === '' || (a ?? '').toLowerCase() === b.toLowerCase()

/** The VMs the tile counts: statuses with no point within the RPO (At risk and Protected rows have one). */
export function outOfRpo(view: ProtectionView, rpoHours: number, scope: SessionFilter): OutOfRpo {
  const rpoMs = rpoHours * 3_600_000
  const rows = view.rows.filter(
    (row) =>
      (row.status === 'outOfRpo' || row.status === 'neverReplicated' || row.status === 'jobSilent') &&
      (row.ageMs === null || row.ageMs > rpoMs) &&
      same(row.jobName, scope.jobName) &&
      same(row.jobUid, scope.jobUid) &&
      same(row.serverName, scope.backupServerName),
  )
  rows.sort((a, b) => (b.ageMs ?? Number.POSITIVE_INFINITY) - (a.ageMs ?? Number.POSITIVE_INFINITY))
  return { rows, atLeast: view.partial }
}
