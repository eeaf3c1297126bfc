// Backup servers and replica jobs, plus the per-job facts the records do not carry (VM sizes, schedule, flakiness).

import { jobTemplate, SERVER_TEMPLATES } from './names.ts'
import type { Random } from './random.ts'
import type { BackupServerRecord, JobRecord, Micros } from './records.ts'
import { MICROS_PER_MINUTE } from './time-text.ts'

export interface JobPlan {
  record: JobRecord
  server: BackupServerRecord
  intervalMicros: number
  /** Disk capacity per VM in bytes, whole GiB: a task's TotalSize (em-api.md §6.2). */
  vmSizes: number[]
  /** Scales the failure and warning rates: some jobs are flakier than others. */
  flakiness: number
  /** VMs processed in parallel. */
  lanes: number
  /** A VM that fails every attempt of the runs starting in [from, to): the protection scenarios (scenarios.ts). */
  stuck?: StuckVm
  /** Replica restore points kept per VM (VBR's "restore points to keep", 1–28). */
  retention: number
}

export interface StuckVm {
  vmIndex: number
  from: Micros
  to: Micros
  reason: string
}

const GIB = 1024 ** 3

/** The three backup servers EM collects from. */
export function createServers(rng: Random): BackupServerRecord[] {
  return SERVER_TEMPLATES.map((template) => ({
    id: rng.guid(),
    name: template.name,
    description: template.description,
    ipOrDnsName: template.name,
    port: 9392,
    version: template.version,
    wcfPort: 9405,
    thumbprint: Array.from({ length: 5 }, () => rng.int(0, 0xffffffff).toString(16).padStart(8, '0'))
      .join('')
      .toUpperCase(),
  }))
}

export interface JobPlanInput {
  index: number
  servers: readonly BackupServerRecord[]
  intervalMinutes: number
  /** Overrides the drawn VM count (the bench layout); the draw still happens, so other draws stay put. */
  vmCount?: number
}

/** The index-th replica job; schedule state and description are filled in once its history is known. */
export function createJobPlan(rng: Random, input: JobPlanInput): JobPlan {
  const { index, servers, intervalMinutes } = input
  const template = jobTemplate(index)
  const roll = rng.next()
  const server = servers[roll < 0.5 ? 0 : roll < 0.8 ? 1 : 2] ?? servers[0]
  if (server === undefined) throw new Error('a job needs a backup server')
  const vmCount = input.vmCount ?? 1 + Math.floor(14 * rng.next() ** 1.6)
  const first = rng.chance(0.2) ? rng.int(2, 88) : 1
  const vmNames = Array.from(
    { length: vmCount },
    (_, i) => `${template.vmStem}${String(first + i).padStart(2, '0')}`,
  )
  // Log-uniform 8–2048 GiB: many small VMs, a few big ones.
  const vmSizes = vmNames.map(() => Math.round(2 ** (3 + 8 * rng.next())) * GIB)
  const record: JobRecord = {
    id: rng.guid(),
    name: template.name,
    jobType: 'Replica',
    platform: template.platform,
    description: '',
    scheduleConfigured: true,
    scheduleEnabled: true,
    nextRun: null,
    backupServerId: server.id,
    intervalMinutes,
    vmNames,
  }
  return {
    record,
    server,
    intervalMicros: intervalMinutes * MICROS_PER_MINUTE,
    vmSizes,
    flakiness: 0.5 + rng.next(),
    lanes: Math.min(vmCount, rng.int(1, 4)),
    // Drawn from the job's own stream later (replicas.ts) so that adding it moved no existing draw.
    retention: 7,
  }
}
