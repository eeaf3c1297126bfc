import { createContext, useContext } from 'react'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { SeenMark } from '@/lib/preferences.ts'
import { isNewFailure } from './new-failures.ts'

/** Where "new" starts for the rows below it (null: nothing is new), set once by the explorer. */
export const NewSinceContext = createContext<SeenMark | null>(null)

/** "New" beside a session that ended Failed or Warning since the user last looked: a word, not only a colour. */
export function NewMark({ session }: { session: ReplicaJobSession }) {
  const since = useContext(NewSinceContext)
  if (!isNewFailure(session, since)) return null
  return (
    <span className="new-mark" title="Ended since you last looked at this list">
      New
    </span>
  )
}
