import { formatAge } from '@/lib/format-time.ts'
import { useNow } from '@/lib/use-now.ts'
import './saved-data-note.css'

export interface SavedDataNoteProps {
  /** When EM sent the data on screen (an earlier visit's). */
  updatedAt: number
  /** A request to EM is under way. */
  fetching: boolean
}

/** Marks data restored from this browser's store: how old it is, and that EM is being asked for fresh data. */
export function SavedDataNote({ updatedAt, fetching }: SavedDataNoteProps) {
  // Ages are in minutes and hours: a coarse clock keeps the status text (read out by screen readers) still.
  const now = useNow(15_000)
  return (
    <span className="saved-data-note" role="status">
      <span aria-hidden="true">⟲ </span>
      From {formatAge(Math.max(0, now - updatedAt))} ago, {fetching ? 'refreshing…' : 'saved in this browser'}
    </span>
  )
}
