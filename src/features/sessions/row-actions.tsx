import { useEffect, useRef, useState } from 'react'
import { ActionSlot } from '@/components/action-slot.tsx'
import { findLink } from '@/em/link-resolver.ts'
import type { ReplicaJobSession } from '@/em/parse-session.ts'

/**
 * The row's action menu: a button opening a dialog with the actions of the session's job (filled by the app's
 * layout, as on the detail view). The dialog exists only while open, and reads the job and server only then: a
 * page of a thousand rows carries a thousand buttons, not a thousand dialogs.
 */
export function RowActions({ session }: { session: ReplicaJobSession }) {
  const [open, setOpen] = useState(false)
  if (!findLink(session.links, 'Up', 'JobReference')) return null
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-haspopup="dialog"
        aria-label={`Actions for session ${session.name}`}
        onClick={() => setOpen(true)}
      >
        Actions…
      </button>
      {open ? <RowActionsDialog session={session} onClose={() => setOpen(false)} /> : null}
    </>
  )
}

function RowActionsDialog({ session, onClose }: { session: ReplicaJobSession; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const job = findLink(session.links, 'Up', 'JobReference')
  const server = findLink(session.links, 'Up', 'BackupServerReference')

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  return (
    // Clicks and keys inside stay here: the row under it opens the session on both.
    <dialog
      ref={dialog}
      className="dialog row-actions"
      aria-label={`Actions for job ${session.jobName}`}
      onClose={onClose}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div className="row-actions__inner">
        <h2>
          Job <bdi>{session.jobName}</bdi>
        </h2>
        <p className="row-actions__context">
          From session <bdi>{session.name}</bdi>
          {server?.name ? (
            <>
              {' '}
              on backup server <bdi>{server.name}</bdi>
            </>
          ) : null}
          .
        </p>
        {job ? (
          <ActionSlot
            place="row"
            jobHref={job.href}
            serverHref={server?.href ?? null}
            jobName={session.jobName}
            jobUid={session.jobUid}
            serverName={server?.name ?? null}
          />
        ) : null}
        <div className="row-actions__close">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  )
}
