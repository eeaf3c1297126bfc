import { TextField } from '@/components/text-field.tsx'
import { checkFilterSyntax } from '@/em/session-query-path.ts'

// Points at the mistake: the text up to the error, the offending character marked, then the rest.
function filterProblem(text: string) {
  const check = checkFilterSyntax(text)
  if (check.ok) return null
  const at = Math.min(check.position, text.length)
  return (
    <>
      {check.message} (at character {at + 1}):{' '}
      <code className="filter-pointer">
        {text.slice(0, at)}
        <mark>{text.slice(at, at + 1) || ' '}</mark>
        {text.slice(at + 1)}
      </code>
    </>
  )
}

export interface AdvancedFilterProps {
  value: string
  onCommit: (text: string) => void
}

/** A raw EM filter expression (em-api.md §4.2), checked here before EM sees it, ANDed with the other controls. */
export function AdvancedFilter({ value, onCommit }: AdvancedFilterProps) {
  return (
    <TextField
      label="Advanced filter (EM syntax)"
      value={value}
      onCommit={onCommit}
      problem={filterProblem}
      placeholder='e.g. Result>=Warning;JobName=="SQL Replication"'
      hint="ANDed with the other filters; ; is AND, , is OR, (…) groups."
      spellCheck={false}
      autoComplete="off"
      className="mono"
    />
  )
}
