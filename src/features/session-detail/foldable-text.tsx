import { useId, useState } from 'react'
import { reasonText } from './reason-text.ts'

export interface FoldableTextProps {
  text: string
  /** The unfold button's words. */
  more?: string
  /** Spoken when there is no text. */
  empty?: string
}

/**
 * EM's free text (a task's Reason, a session's failure message: em-api.md §5, §6.2), always as text (never HTML),
 * wrapped, in its own writing direction; a long one starts folded with a button to read it whole.
 */
export function FoldableText({
  text,
  more = 'Show full reason',
  empty = 'No reason given',
}: FoldableTextProps) {
  const { full, preview } = reasonText(text)
  const [open, setOpen] = useState(false)
  const id = useId()
  if (full === '') {
    return (
      <span className="detail-muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{empty}</span>
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
          {open ? 'Show less' : more}
        </button>
      ) : null}
    </div>
  )
}
