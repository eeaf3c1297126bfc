import { useId, useState } from 'react'
import { TIME_WINDOWS, type TimeWindow } from '@/em/session-url-filter.ts'
import { localZoneName } from '@/lib/format-time.ts'
import { fromLocalInputValue, toLocalInputValue } from '@/lib/local-datetime.ts'
import type { TimeRange } from './filter-bindings.ts'

export const WINDOW_LABELS: Record<TimeWindow, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
}

type Mode = TimeRange['mode']

function toMode(value: string): Mode {
  return value === 'custom' ? 'custom' : (TIME_WINDOWS.find((window) => window === value) ?? 'any')
}

export interface TimeRangeFilterProps {
  label: string
  value: TimeRange
  onChange: (range: TimeRange) => void
}

/** A window relative to now, or a custom from/to typed in local time (zone named) and sent in UTC. */
export function TimeRangeFilter({ label, value, onChange }: TimeRangeFilterProps) {
  const id = useId()
  // "Custom" with no time chosen yet is not in the URL (it filters nothing): the choice is kept here meanwhile.
  const [pickingCustom, setPickingCustom] = useState(false)
  const mode: Mode = value.mode === 'any' && pickingCustom ? 'custom' : value.mode
  const zone = localZoneName()
  const from = value.mode === 'custom' ? value.from : null
  const to = value.mode === 'custom' ? value.to : null

  function choose(next: Mode) {
    setPickingCustom(next === 'custom')
    if (next === 'custom') {
      if (value.mode !== 'custom') onChange({ mode: 'custom', from: null, to: null })
      return
    }
    onChange({ mode: next })
  }

  function setBound(bound: 'from' | 'to', text: string) {
    const ms = fromLocalInputValue(text)
    // An unfinished entry (the browser reports '' until every part is typed) keeps the bound it had.
    if (ms === null && text !== '') return
    onChange({ mode: 'custom', from, to, [bound]: ms })
  }

  return (
    <fieldset className="time-range">
      <legend className="field__label">{label}</legend>
      <select
        className="input"
        aria-label={`${label}: period`}
        value={mode}
        onChange={(event) => choose(toMode(event.target.value))}
      >
        <option value="any">Any time</option>
        {TIME_WINDOWS.map((window) => (
          <option key={window} value={window}>
            {WINDOW_LABELS[window]}
          </option>
        ))}
        <option value="custom">Custom range</option>
      </select>
      {mode === 'custom' ? (
        <span className="time-range__custom">
          <label htmlFor={`${id}-from`}>From ({zone})</label>
          <input
            id={`${id}-from`}
            className="input"
            type="datetime-local"
            value={from === null ? '' : toLocalInputValue(from)}
            onChange={(event) => setBound('from', event.target.value)}
          />
          <label htmlFor={`${id}-to`}>To ({zone})</label>
          <input
            id={`${id}-to`}
            className="input"
            type="datetime-local"
            value={to === null ? '' : toLocalInputValue(to)}
            onChange={(event) => setBound('to', event.target.value)}
          />
        </span>
      ) : null}
    </fieldset>
  )
}
