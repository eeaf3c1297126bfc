import { describe, expect, it } from 'vitest'
import { normalizeReason } from './reasons.ts'

describe('normalizeReason', () => {
  it.each([
    [
      'Error: Target datastore "DR-DS01" has insufficient free space (12.4 GB required)',
      'target datastore has insufficient free space',
    ],
    [
      'Error: Cannot connect to host esx03.corp.local: connection refused',
      'cannot connect to host: connection refused',
    ],
    [
      'Error: Hyper-V VSS writer is not ready on host hv-node02. Checkpoint creation failed',
      'Hyper-V VSS writer is not ready on host. Checkpoint creation failed',
    ],
    [
      'Error: Failed to prepare guest for hot backup: VSS writer "SqlServerWriter" is in state <Failed> (0x800423f4)',
      'failed to prepare guest for hot backup: VSS writer is in state',
    ],
    [
      'Error: Task failed. Network connection to proxy vbr-proxy02 was lost',
      'task failed. Network connection to proxy was lost',
    ],
    [
      'Warning: Network throttling reduced the transfer rate to 8 MB/s',
      'network throttling reduced the transfer rate to',
    ],
    [
      'Error: Changed block tracking data is corrupted & CBT reset failed',
      'changed block tracking data is corrupted & CBT reset failed',
    ],
  ])('%s → %s', (reason, label) => {
    expect(normalizeReason(reason)?.label).toBe(label)
    expect(normalizeReason(reason)?.key).toBe(label.toLowerCase())
  })

  it('groups the same cause told of different datastores and sizes; nothing for an empty reason', () => {
    const a = normalizeReason(
      'Error: Target datastore "DR-DS01" has insufficient free space (12.4 GB required)',
    )
    const b = normalizeReason('Error: Target datastore "DS-9" has insufficient free space (300 GB required)')
    expect(a?.key).toBe(b?.key)
    expect(normalizeReason('')).toBeNull()
    expect(normalizeReason('   ')).toBeNull()
  })

  it('keeps a reason that is all specifics as written', () => {
    expect(normalizeReason('0x80004005')).toEqual({ key: '0x80004005', label: '0x80004005' })
  })
})
