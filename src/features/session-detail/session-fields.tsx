import type { ReactNode } from 'react'
import { Card } from '@/components/card.tsx'
import { CopyButton } from '@/components/copy-button.tsx'
import { LocalTime } from '@/components/local-time.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { FoldableText } from './foldable-text.tsx'

interface Field {
  label: string
  value: ReactNode
  /** The raw value offered for copying; the button is named after the label. */
  copy?: string
}

const raw = (text: string) => <code className="detail-raw">{text}</code>

function fieldsOf(session: ReplicaJobSession): Field[] {
  return [
    { label: 'Session name', value: <bdi>{session.name}</bdi>, copy: session.name },
    { label: 'UID', value: raw(session.uid), copy: session.uid },
    { label: 'Href (as EM sent it)', value: raw(session.href), copy: session.href },
    { label: 'Job name', value: <bdi>{session.jobName}</bdi> },
    { label: 'Job UID', value: raw(session.jobUid), copy: session.jobUid },
    { label: 'Job type', value: session.jobType },
    { label: 'Backup server', value: session.backupServerName ? <bdi>{session.backupServerName}</bdi> : '—' },
    {
      label: 'Backup server UID',
      value: session.backupServerUid ? raw(session.backupServerUid) : '—',
      copy: session.backupServerUid ?? undefined,
    },
    {
      label: 'Start',
      value: (
        <>
          <LocalTime ms={session.creationTime} /> {raw(session.creationTimeText)}
        </>
      ),
    },
    {
      label: 'End',
      value: session.endTimeText ? (
        <>
          <LocalTime ms={session.endTime} /> {raw(session.endTimeText)}
        </>
      ) : (
        'Not ended (or not known)'
      ),
    },
    { label: 'State', value: raw(session.state) },
    { label: 'Result', value: raw(session.result) },
    { label: 'Progress', value: `${session.progress} %` },
    { label: 'Retry run', value: session.isRetry ? 'Yes' : 'No' },
    {
      label: 'Failure message',
      value: session.failureMessage ? (
        <FoldableText text={session.failureMessage} more="Show the whole message" />
      ) : (
        '—'
      ),
    },
  ]
}

/** Every field of the session entity in plain words, with the raw identifiers ready to copy. */
export function SessionFields({ session }: { session: ReplicaJobSession }) {
  return (
    <Card title="All fields" id="fields" className="detail-fields">
      <dl className="definition-list definition-list--wide">
        {fieldsOf(session).map((field) => (
          <div className="definition-list__row" key={field.label}>
            <dt>{field.label}</dt>
            <dd>
              {field.value}
              {field.copy ? <CopyButton text={field.copy} label={`Copy ${field.label}`} /> : null}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}
