import { useId, useState } from 'react'
import { reasonText } from './reason-text.ts'

/**
 * A task's Reason, always as text (never HTML), wrapped, in its own writing direction; a long one starts folded
 * with a button to read it whole (em-api.md §6.2: Reason is free text from the backup server).
 */
export function TaskReason({ reason }: { reason: string }) {
  const { full, preview } = reasonText(reason)
  const [open, setOpen] = useState(false)
  const id = useId()
  if (full === '') {
    return (
      <span className="detail-muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">No reason given</span>
      </span>
    )
  }
  return (
    <div className="detail-reason">
      <p className="detail-reason__text" id={id} dir="auto">
        {preview !== null && !open ? preview : full}
      </p>
      {preview !== null ? (
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? 'Show less' : 'Show full reason'}
        </button>
      ) : null}
    </div>
  )
}
