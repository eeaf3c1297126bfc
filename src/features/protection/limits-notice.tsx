/** What the view cannot see, always shown: a blind spot must never read as "all good" (issue 14). */
export function LimitsNotice({ limits, hidden }: { limits: readonly string[]; hidden: number }) {
  if (limits.length === 0 && hidden === 0) return null
  return (
    <section className="notice prot-limits" aria-labelledby="prot-limits-title">
      <div>
        <h2 id="prot-limits-title" className="notice__title">
          What this view cannot see
        </h2>
        <ul className="prot-limits__list">
          {limits.map((limit) => (
            <li key={limit}>{limit}</li>
          ))}
          {hidden > 0 ? (
            <li>
              {hidden} {hidden === 1 ? 'VM has' : 'VMs have'} points but no longer{' '}
              {hidden === 1 ? 'is' : 'are'} in its job's includes or runs (removed or renamed): not listed.
            </li>
          ) : null}
        </ul>
      </div>
    </section>
  )
}
