import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { ActionSlotProps } from '@/components/action-slot.tsx'
import { ConfirmDialog } from '@/components/confirm-dialog.tsx'
import { describeActionError } from '@/em/action-error-words.ts'
import { backupServerQueries } from '@/em/backup-server-queries.ts'
import { isRoleRefusal } from '@/em/em-roles.ts'
import { EmHttpError } from '@/em/errors.ts'
import { jobQueries } from '@/em/job-queries.ts'
import { collectActionOf, jobActionsOf, type PlannedAction } from './action-links.ts'
import { ActionProgress } from './action-progress.tsx'
import { confirmWords } from './confirm-words.ts'
import { NewSessionWatch } from './new-session-watch.tsx'
import { isBusy } from './task-phase.ts'
import { useEmAction } from './use-em-action.ts'
import './job-actions.css'

const ONCE = { retryOnMount: false, refetchOnMount: false } as const

/** Start, Stop, Retry of the session's job and Collect of its server, each confirmed, then followed to its end. */
export function JobActions(props: ActionSlotProps) {
  // The detail view's cards read the same job and server; mounting here must not read them again, or a refused
  // read (403) would refetch, show the card's skeleton, unmount this panel and start over.
  const job = useQuery({ ...jobQueries.detail(props.jobHref), ...ONCE })
  const server = useQuery({
    ...backupServerQueries.detail(props.serverHref ?? ''),
    ...ONCE,
    enabled: props.serverHref !== null,
  })
  const jobAction = useEmAction()
  const collect = useEmAction()
  const [asking, setAsking] = useState<PlannedAction | null>(null)
  const [sentVerb, setSentVerb] = useState<PlannedAction['verb']>('start')
  const reasonId = useId()

  const serverName = server.data?.name ?? props.serverName
  const jobButtons = refusedAfterPost(
    jobActionsOf({ links: job.data?.links, error: job.error }),
    jobAction.phase.kind === 'refused' ? jobAction.phase.error : null,
  )
  const collectButton = collectActionOf({ links: server.data?.links, error: server.error })
  const buttons = collectButton
    ? [
        ...jobButtons,
        ...refusedAfterPost([collectButton], collect.phase.kind === 'refused' ? collect.phase.error : null),
      ]
    : jobButtons
  const reasons = [...new Set(buttons.flatMap((b) => (b.disabledReason ? [b.disabledReason] : [])))]
  if (buttons.length === 0) return null

  function busy(action: PlannedAction) {
    return isBusy(action.verb === 'collect' ? collect.phase : jobAction.phase)
  }
  function confirm() {
    const action = asking
    setAsking(null)
    if (action?.href == null) return
    if (action.verb === 'collect') {
      collect.reset()
      collect.send(action.href)
    } else {
      jobAction.reset()
      setSentVerb(action.verb)
      jobAction.send(action.href)
    }
  }

  const words = asking ? confirmWords(asking.verb, props.jobName, serverName) : null
  // A session to watch for: after a start or retry EM accepted, or whose task can no longer be followed.
  const { phase } = jobAction
  const accepted =
    (phase.kind === 'finished' && phase.success) || phase.kind === 'lost' || phase.kind === 'gave-up'
  const watch = (sentVerb === 'start' || sentVerb === 'retry') && accepted
  return (
    <div className={`job-actions job-actions--${props.place}`}>
      <fieldset className="job-actions__buttons">
        <legend className="sr-only">Actions for job {props.jobName}</legend>
        {buttons.map((action) => (
          <button
            key={action.verb}
            type="button"
            className="button"
            disabled={action.disabledReason !== null || busy(action)}
            aria-describedby={action.disabledReason ? reasonId : undefined}
            onClick={() => setAsking(action)}
          >
            {action.label}
          </button>
        ))}
      </fieldset>
      {reasons.length > 0 ? (
        <p className="job-actions__reason" id={reasonId}>
          {reasons.join(' ')}
        </p>
      ) : null}
      <ActionProgress phase={jobAction.phase} verb={sentVerb} onCheckAgain={jobAction.checkAgain} />
      {watch && jobAction.sentAt !== null ? (
        <NewSessionWatch jobUid={props.jobUid} sentAt={jobAction.sentAt} />
      ) : null}
      <ActionProgress phase={collect.phase} verb="collect" onCheckAgain={collect.checkAgain} />
      <ConfirmDialog
        open={words !== null}
        title={words?.title ?? ''}
        confirmLabel={words?.confirmLabel ?? ''}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      >
        {words?.paragraphs.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </ConfirmDialog>
    </div>
  )
}

// EM's 403 to the POST itself (the role may read the job but not act) disables the buttons, with EM's reason.
function refusedAfterPost(actions: PlannedAction[], error: unknown): PlannedAction[] {
  if (!isRoleRefusal(error) || (error instanceof EmHttpError && error.proxyMessage !== null)) return actions
  return actions.map((action) => ({
    ...action,
    disabledReason: describeActionError(error, action.verb).detail,
  }))
}
