import { describeActionError } from '@/em/action-error-words.ts'
import { describeEmError } from '@/em/describe-error.ts'
import type { EmActionVerb } from '@/em/em-action.ts'
import { EmHttpError } from '@/em/errors.ts'
import type { ActionPhase } from './task-phase.ts'

// EM's own state names (§13.2), each with what it means here.
const STATE_MEANING: Record<string, string> = {
  Running: 'Enterprise Manager has passed the request to the backup server.',
  OperationFinished: 'Done on the backup server; Enterprise Manager has not collected the result yet.',
}

/** Ends words that do not end a sentence (the proxy's) with a full stop, so the next sentence reads apart. */
function sentence(text: string): string {
  return /[.!?]["”’]?$/.test(text) ? text : `${text}.`
}

interface ActionProgressProps {
  phase: ActionPhase
  verb: EmActionVerb
  onCheckAgain: () => void
}

/** The state of one action as it happens: sending, EM's task states, and its end in EM's own words. */
export function ActionProgress({ phase, verb, onCheckAgain }: ActionProgressProps) {
  switch (phase.kind) {
    case 'idle':
      return null
    case 'sending':
      return (
        <p className="action-progress" role="status">
          Sending to Enterprise Manager…
        </p>
      )
    case 'refused': {
      const words = describeActionError(phase.error, verb)
      // The proxy answers without asking EM; EM's refusal means it did not act.
      const outcome =
        phase.error instanceof EmHttpError && phase.error.proxyMessage !== null
          ? 'Enterprise Manager was not asked.'
          : 'Nothing was started.'
      return (
        <div className="action-progress action-progress--failed" role="alert">
          <strong>{words.title}.</strong> <span>{sentence(words.detail)}</span> <span>{outcome}</span>
        </div>
      )
    }
    case 'following':
      return (
        <div className="action-progress" role="status">
          <p>
            Task <code>{phase.task.id}</code>: <strong>{phase.task.state}</strong>.{' '}
            {STATE_MEANING[phase.task.state] ?? ''}
          </p>
          {phase.trouble ? (
            <p>Cannot read the task right now ({describeEmError(phase.trouble).title}); still trying.</p>
          ) : null}
        </div>
      )
    case 'finished':
      return phase.success ? (
        <p className="action-progress action-progress--done" role="status">
          Task <code>{phase.task.id}</code>: <strong>Finished</strong>. Enterprise Manager: “{phase.message}”
        </p>
      ) : (
        <div className="action-progress action-progress--failed" role="alert">
          Task <code>{phase.task.id}</code>: <strong>Finished, failed</strong>. Enterprise Manager:{' '}
          <q className="action-progress__message">{phase.message || '(no message)'}</q>
        </div>
      )
    case 'signed-out':
      return (
        <p className="action-progress" role="status">
          Your Enterprise Manager session ended while following task <code>{phase.task.id}</code>; sign in
          again to go on.
        </p>
      )
    case 'lost':
      return (
        <p className="action-progress" role="status">
          Enterprise Manager no longer knows task <code>{phase.task.id}</code> (a task lives only as long as
          the sign-in that started it). It was accepted; look for its session below.
        </p>
      )
    case 'gave-up':
      return (
        <p className="action-progress" role="status">
          Task <code>{phase.task.id}</code> was still <strong>{phase.task.state}</strong> after 10 minutes;
          the dashboard stopped following it.{' '}
          <button type="button" className="button button--small" onClick={onCheckAgain}>
            Check again
          </button>
        </p>
      )
  }
}
