import { formatAge } from '@/lib/format-time.ts'
import { useNow } from '@/lib/use-now.ts'
import './saved-data-note.css'

export interface SavedDataNoteProps {
  /** When EM sent the data on screen (an earlier visit's). */
  updatedAt: number
  /** A request to EM is under way. */
  fetching: boolean
  /**
   * Shows only the age on screen, the rest to screen readers and as a tooltip: where the note takes the place of
   * "Updated … ago" in a tight toolbar, the longer sentence would wrap the toolbar and move every row below it
   * when EM's answer replaces the saved data.
   */
  brief?: boolean
}

/** Marks data restored from this browser's store: how old it is, and that EM is being asked for fresh data. */
export function SavedDataNote({ updatedAt, fetching, brief = false }: SavedDataNoteProps) {
  // Ages are in minutes and hours: a coarse clock keeps the status text (read out by screen readers) still.
  const now = useNow(15_000)
  const age = `From ${formatAge(Math.max(0, now - updatedAt))} ago`
  const state = fetching ? 'refreshing…' : 'saved in this browser'
  return (
    <span
      className={brief ? 'saved-data-note saved-data-note--brief' : 'saved-data-note'}
      role="status"
      title={brief ? `${age}, ${state}` : undefined}
    >
      {brief ? null : <span aria-hidden="true">⟲ </span>}
      {age}
      {brief ? <span className="sr-only">, {state}</span> : `, ${state}`}
    </span>
  )
}
