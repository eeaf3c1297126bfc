// Which action buttons show, from the links EM sent (em-api.md §13.1, §15): a button only for a link EM gave, the
// Href as given; a 403 on the job or server (the role may not, §10) shows them disabled with the reason instead.
import { roleRefusalWords } from '@/em/action-error-words.ts'
import { actionOfHref, type EmActionVerb } from '@/em/em-action.ts'
import { isRoleRefusal } from '@/em/em-roles.ts'
import type { EmLink } from '@/em/link-schema.ts'

export interface PlannedAction {
  verb: EmActionVerb
  label: string
  /** EM's Href for it; null when the button is shown disabled. */
  href: string | null
  /** Why it is disabled, in words learned from EM's answer; null when it may be used. */
  disabledReason: string | null
}

const JOB_ACTIONS: ReadonlyArray<{ verb: EmActionVerb; rel: string; label: string }> = [
  { verb: 'retry', rel: 'Retry', label: 'Retry job' },
  { verb: 'start', rel: 'Start', label: 'Start job' },
  { verb: 'stop', rel: 'Stop', label: 'Stop job' },
]

/** What is known of an entity: its links once read, or the error reading it. */
export interface Read {
  links: readonly EmLink[] | undefined
  error: unknown
}

function refusedReason(verb: EmActionVerb, what: string): string {
  return `${roleRefusalWords(verb)} Enterprise Manager refused this account ${what} (403).`
}

/** Retry, Start, Stop of a job: the ones whose link the Job entity carries, or all three disabled after a 403. */
export function jobActionsOf(job: Read): PlannedAction[] {
  if (job.links === undefined) {
    if (!isRoleRefusal(job.error)) return []
    return JOB_ACTIONS.map(({ verb, label }) => ({
      verb,
      label,
      href: null,
      disabledReason: refusedReason(verb, 'the job'),
    }))
  }
  const { links } = job
  return JOB_ACTIONS.flatMap(({ verb, rel, label }) => {
    const link = links.find((l) => l.rel === rel && actionOfHref(l.href) === verb)
    return link ? [{ verb, label, href: link.href, disabledReason: null }] : []
  })
}

/** Collect of a backup server: its `Rel="Start"` link whose action is collect (§15). */
export function collectActionOf(server: Read): PlannedAction | null {
  const label = 'Collect now'
  if (server.links === undefined) {
    if (!isRoleRefusal(server.error)) return null
    return {
      verb: 'collect',
      label,
      href: null,
      disabledReason: refusedReason('collect', 'the backup server'),
    }
  }
  const link = server.links.find((l) => l.rel === 'Start' && actionOfHref(l.href) === 'collect')
  return link ? { verb: 'collect', label, href: link.href, disabledReason: null } : null
}
