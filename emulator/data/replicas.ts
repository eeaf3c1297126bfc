// Replicas and job includes (em-api.md §11.4, §12), drawn from streams of their own so that no existing record
// moves: one replica per job, named after it, and one include per VM (a folder for the container scenario).

import type { JobPlan } from './job-plan.ts'
import { createRandom, mixSeed, type Random } from './random.ts'
import type { BackupServerRecord, IncludeRecord, JobRecord, ReplicaRecord } from './records.ts'
import type { ScenarioPicks } from './scenarios.ts'

// VBR's "restore points to keep" for replicas is 1–28 (default 7); jobs here keep 7, 14 or 28.
const RETENTIONS = [7, 14, 14, 28, 28] as const

/** One replica per job; sets each plan's retention. Replica and job UIDs differ, as in the doc examples (§11.1). */
export function createReplicas(
  seed: number,
  plans: readonly JobPlan[],
  servers: readonly BackupServerRecord[],
): ReplicaRecord[] {
  const rng = createRandom(mixSeed(seed, 4))
  const repositories = new Map(
    servers.map((server) => [
      server.id,
      { id: rng.guid(), name: `${server.name.split('.')[0] ?? server.name} replica metadata` },
    ]),
  )
  return plans.map((plan) => {
    plan.retention = rng.pick(RETENTIONS)
    const repository = repositories.get(plan.server.id) ?? {
      id: rng.guid(),
      name: 'Default Backup Repository',
    }
    return {
      id: rng.guid(),
      name: plan.record.name,
      jobId: plan.record.id,
      backupServerId: plan.server.id,
      platform: plan.record.platform,
      repositoryId: repository.id,
      repositoryName: repository.name,
    }
  })
}

/** The VM after the job's last one: `sql-clu-n05` → `sql-clu-n06`. */
export function nextVmName(names: readonly string[]): string {
  const last = names.at(-1) ?? 'vm00'
  const match = /(\d+)$/.exec(last)
  if (match?.[1] === undefined) return `${last}-new`
  const number = String(Number(match[1]) + 1).padStart(match[1].length, '0')
  return `${last.slice(0, -match[1].length)}${number}`
}

function objectRef(rng: Random, job: JobRecord, root: string, type: 'Vm' | 'Folder'): string {
  if (type === 'Folder') return `urn:VMware:Folder:${root}.group-v${rng.int(100, 9999)}`
  // Hyper-V names a VM by its GUID on the host, vSphere by its managed object id (§12).
  return job.platform === 'HyperV'
    ? `urn:HyperV:Vm:${root}.${rng.guid()}`
    : `urn:VMware:Vm:${root}.vm-${rng.int(100, 99_999)}`
}

/**
 * Each job's includes: its VMs in order, or one folder for the container job; the never-replicated job also
 * names a VM that none of its runs processes.
 */
export function createIncludes(
  seed: number,
  jobs: readonly JobRecord[],
  picks: ScenarioPicks,
): IncludeRecord[] {
  const rng = createRandom(mixSeed(seed, 5))
  const roots = new Map<string, string>()
  return jobs.flatMap((job, index) => {
    const root = roots.get(job.backupServerId) ?? rng.guid()
    roots.set(job.backupServerId, root)
    const include = (name: string, order: number, type: 'Vm' | 'Folder'): IncludeRecord => ({
      id: rng.guid(),
      jobId: job.id,
      name,
      displayName: name,
      hierarchyObjRef: objectRef(rng, job, root, type),
      order,
    })
    if (index === picks.container) return [include(`DR Tier 1 (${job.name})`, 1, 'Folder')]
    const names = index === picks.neverReplicated ? [...job.vmNames, nextVmName(job.vmNames)] : job.vmNames
    return names.map((name, i) => include(name, i + 1, 'Vm'))
  })
}
