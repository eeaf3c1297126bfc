import { dismissIgnoredParams, type ExplorerSearch, useIgnoredParams } from './search-params.ts'

/** Says what a hand-edited or stale URL held that the page could not use, and what it did instead. */
export function IgnoredParamsNotice({ search }: { search: ExplorerSearch }) {
  const ignored = useIgnoredParams(search)
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
      <button type="button" className="button button--small" onClick={dismissIgnoredParams}>
        Dismiss
      </button>
    </div>
  )
}
