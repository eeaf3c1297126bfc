import { getRouteApi } from '@tanstack/react-router'
import { useState } from 'react'
import { findIgnoredParams } from './ignored-params.ts'
import {
  type ExplorerSearch,
  explorerSearchFields,
  parseExplorerSearch,
  withoutUnknownKeys,
} from './search-params.ts'

const route = getRouteApi('/_app/sessions/')

/**
 * Says what the link the app was opened with held that the page could not use, and what it did instead; shown
 * on that first view only (a filter edit or any move elsewhere ends it), until dismissed.
 */
export function IgnoredParamsNotice({ search }: { search: ExplorerSearch }) {
  const { arrival } = route.useRouteContext()
  const [dismissed, setDismissed] = useState(false)
  const showsArrival =
    arrival.isCurrent() &&
    JSON.stringify(withoutUnknownKeys(search)) === JSON.stringify(parseExplorerSearch(arrival.search))
  const ignored = showsArrival && !dismissed ? findIgnoredParams(arrival.search, explorerSearchFields) : []
  if (ignored.length === 0) return null
  return (
    <div className="notice" role="status">
      <div>
        <p className="notice__title">Some of the link's settings were ignored:</p>
        <ul className="notice__list">
          {ignored.map((param) => (
            <li key={param.key}>
              <code>
                {param.key}={param.value}
              </code>
              : {param.reason}
            </li>
          ))}
        </ul>
        <p className="notice__hint">The page shows the rest, with defaults in their place.</p>
      </div>
      <button type="button" className="button button--small" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  )
}
