// Task-session Reason texts and session failure messages, worded like VBR's. Some carry quotes, `&` and `<>`
// on purpose: real reasons do (VSS writer states, datastore paths), and serializers must escape them.

export const FAILED_REASONS: readonly string[] = [
  'Error: Failed to create VM snapshot. The operation timed out',
  'Error: Cannot connect to host esx03.corp.local: connection refused',
  'Error: Failed to open VDDK disk [DR-DS02] sql02/sql02.vmdk ( is read-only mode - [true] )',
  'Error: Target datastore "DR-DS01" has insufficient free space (12.4 GB required)',
  'Error: Failed to prepare guest for hot backup: VSS writer "SqlServerWriter" is in state <Failed> (0x800423f4)',
  'Error: Hyper-V VSS writer is not ready on host hv-node02. Checkpoint creation failed',
  'Error: Task failed. Network connection to proxy vbr-proxy02 was lost',
  'Error: Changed block tracking data is corrupted & CBT reset failed',
  'Error: The remote procedure call failed. RPC error 0x800706BE',
  "Error: Replica VM 'erp-app01_replica' was modified outside of Veeam Backup & Replication",
]

export const WARNING_REASONS: readonly string[] = [
  'Warning: Changed block tracking is disabled for this VM. Full scan will be performed',
  'Processing finished with warnings: low free space on target datastore (4.1 GB left)',
  'Warning: VMware Tools are not running; application-aware processing was skipped',
  'Warning: Unable to truncate SQL Server transaction logs. Details: log backup chain is broken',
  'Warning: Snapshot consolidation is required on host esx02.corp.local',
  'Warning: Failed to index guest file system: guest OS "Ubuntu 24.04" is not supported for indexing',
  'Warning: Network throttling reduced the transfer rate to 8 MB/s',
  'Warning: Replica restore points > retention policy; 2 oldest points were merged',
]

/** The short session-level text EM 12/13 shows next to a Failed or Warning result (em-api.md §5). */
export function failureMessage(result: 'Warning' | 'Failed', affected: number, total: number): string {
  return result === 'Failed'
    ? `Error: ${affected} of ${total} VMs failed to process`
    : `Warning: ${affected} of ${total} VMs processed with warnings`
}
