// What the view cannot see, said plainly, so a gap never reads as "all good" (issue 14, em-api.md §10, §12).
import { formatAge } from '@/lib/format-time.ts'
import type { JobIndex } from './job-index.ts'
import type { ProtectionInput } from './protection-types.ts'

function refused(what: 'jobs' | 'includes', input: ProtectionInput): string | null {
  const answer = input[what]
  if (answer.state === 'ok' || answer.state === 'loading') return null
  const why =
    answer.state === 'denied'
      ? 'this account may not read /jobs (a Portal User; it takes a Portal Administrator)'
      : `EM did not answer: ${answer.message}`
  return what === 'jobs'
    ? `Job schedules are unavailable: ${why}. "Job silent" then rests on each job's run intervals alone, and a disabled schedule is not seen.`
    : `Job includes are unavailable: ${why}. VMs added to a job that never ran cannot be listed; "Never replicated" covers only VMs whose runs all failed.`
}

/** Plain statements of the view's blind spots for these answers. */
export function describeLimits(
  input: ProtectionInput,
  jobs: JobIndex,
  extra: { orphanTasks: number; unasked: number },
): string[] {
  const limits = [refused('jobs', input), refused('includes', input)].filter((text) => text !== null)
  const withContainers = jobs.entries.filter((job) => job.containers.length > 0)
  if (withContainers.length > 0) {
    const names = withContainers.map((job) => job.name).join(', ')
    limits.push(
      `${withContainers.length === 1 ? 'A job includes' : `${withContainers.length} jobs include`} a container (folder, host or tag: ${names}). EM does not expand containers, so their VMs that never ran are not listed.`,
    )
  }
  if (input.includes.state === 'ok')
    limits.push(
      'Job exclusions are not exposed by EM: a VM excluded from a job may still be listed under it.',
    )
  const { now } = input
  if (!input.points.complete)
    limits.push(
      `Replica points were read back ${formatAge(now - input.points.coveredFrom)} only (the page budget).`,
    )
  if (!input.tasks.complete)
    limits.push(
      `Task sessions were read back ${formatAge(now - input.tasks.coveredFrom)} only (the page budget): failing streaks may be longer.`,
    )
  if (extra.unasked > 0)
    limits.push(
      `${extra.unasked} VMs without a point in the window were not looked up further (the page budget): their last point is older than the window.`,
    )
  if (extra.orphanTasks > 0)
    limits.push(`${extra.orphanTasks} task sessions whose job could not be told were left out.`)
  return limits
}
