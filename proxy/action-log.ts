// The audit trail of every job and server action: one JSON line per action on the proxy's log (stdout of
// `npm run serve` and `vite preview`), forwarded or refused. All of it goes through here, so the log can move to
// another logger in this one file.
import type { ProxyLog } from './em-proxy.ts'
import type { EmAction } from './write-policy.ts'

/** One action as it happened: who asked, what, and what EM (or the proxy, refusing it) answered. */
export interface ActionRecord {
  action: EmAction
  /** The EM account (LogonSession UserName, asked of EM with the caller's token); null when EM did not say. */
  user: string | null
  /** The client's address (X-Forwarded-For from a trusted proxy). */
  client: string
  /** EM's status, or the proxy's own when it refused (403, 429) or EM could not be reached (502, 504). */
  status: number
  /** Who answered: EM, or the proxy without asking EM. */
  answeredBy: 'em' | 'proxy'
  /** EM's TaskId from a 202 (em-api.md §13.2). */
  task: string | null
  /** EM's Error Message, or the proxy's reason for refusing. */
  message: string | null
}

export type ActionLog = (record: ActionRecord) => void

/** Writes each action as one JSON line: `{"time":…,"event":"em_action","user":…,"action":"retry","job":…}`. */
export function createActionLog(log: ProxyLog, now: () => Date = () => new Date()): ActionLog {
  return (record) => {
    const { action } = record
    const line = {
      time: now().toISOString(),
      event: 'em_action',
      user: record.user,
      action: action.verb,
      [action.resource === 'job' ? 'job' : 'backupServer']: action.id,
      status: record.status,
      answeredBy: record.answeredBy,
      task: record.task,
      message: record.message,
      client: record.client,
    }
    const text = JSON.stringify(line)
    if (record.status >= 200 && record.status <= 299) log.info(text)
    else log.warn(text)
  }
}
