// The current filter as a wall screen: the wall reads the same filter keys (features/wall/search-params.ts), so
// the link carries exactly those and leaves sort, page and refresh to the wall's own defaults.
import { Link } from '@tanstack/react-router'
import { type SessionSearch, sessionSearchSchema } from '@/em/session-url-filter.ts'
import { v } from '@/lib/valibot.ts'

/** Only the filter keys of an explorer search (the object schema drops every other key). */
export function wallFilter(search: SessionSearch): SessionSearch {
  return v.parse(sessionSearchSchema, search)
}

export function WallLink({ search }: { search: SessionSearch }) {
  return (
    <Link
      to="/wall"
      search={wallFilter(search)}
      className="button button--small"
      title="Opens this filter as a wall screen; bookmark that URL on the NOC screen"
    >
      Wall link
    </Link>
  )
}
