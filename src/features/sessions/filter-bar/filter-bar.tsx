// The explorer's filters as one compact bar (the Grafana / Kibana shape): a chip per active filter, "Add filter",
// the advanced expression, and the full panel on demand. Everything reads and writes the URL's search object
// through filter-bindings.ts; the bar's own state (which popover is open) is of the moment only.
import { useId, useRef, useState } from 'react'
import { Popover } from '@/components/popover.tsx'
import type { SessionSearch } from '@/em/session-url-filter.ts'
import { AdvancedFilter } from '@/features/sessions/advanced-filter.tsx'
import { filterBindings as bind, type SearchPatch } from '@/features/sessions/filter-bindings.ts'
import { FilterPanel } from '@/features/sessions/filter-panel.tsx'
import { useShortcut } from '@/lib/use-shortcut.ts'
import { AddFilter } from './add-filter.tsx'
import { activeFilterCount, FILTER_LABELS, type FilterFieldId, filterChips } from './filter-chips.ts'
import { FILTER_EDITORS } from './filter-fields.tsx'
import './filter-bar.css'

export interface FilterBarProps {
  search: SessionSearch
  onFilter: (patch: SearchPatch) => void
  onClear: () => void
}

export function FilterBar({ search, onFilter, onClear }: FilterBarProps) {
  const id = useId()
  const [editing, setEditing] = useState<FilterFieldId | null>(null)
  const [panelOpen, setPanelOpen] = useState(false)
  // Below 640 px the bar folds into one button (CSS); this is whether it is unfolded.
  const [expanded, setExpanded] = useState(false)
  const addRef = useRef<HTMLButtonElement>(null)
  const advancedRef = useRef<HTMLDivElement>(null)
  const chips = filterChips(search)
  const count = activeFilterCount(search)

  useShortcut('/', () => {
    setExpanded(true)
    // After the unfolded bar is painted: a hidden input cannot take the focus.
    requestAnimationFrame(() => advancedRef.current?.querySelector('input')?.focus())
  })

  function edit(field: FilterFieldId) {
    setPanelOpen(false)
    setEditing(field)
  }

  function focusAfterEdit(field: FilterFieldId) {
    // Back to the chip that was edited, or to "Add filter" when the edit removed it.
    const chip = document.getElementById(`${id}-chip-${field}`)
    ;(chip ?? addRef.current)?.focus()
  }

  const Editor = editing ? FILTER_EDITORS[editing] : null
  return (
    <section className="filter-bar" aria-label="Filters">
      <button
        type="button"
        className="button filter-bar__toggle"
        aria-expanded={expanded}
        aria-controls={`${id}-body`}
        onClick={() => setExpanded(!expanded)}
      >
        Filters
        <span className={count > 0 ? 'filter-bar__count' : 'sr-only'}>
          {count > 0 ? count : 'none set'}
          {count > 0 ? <span className="sr-only"> set</span> : null}
        </span>
      </button>
      <div id={`${id}-body`} className={expanded ? 'filter-bar__body is-open' : 'filter-bar__body'}>
        {chips.length > 0 ? (
          <ul className="filter-chips" aria-label="Active filters">
            {chips.map((chip) => (
              <li key={chip.field} className="chip">
                <button
                  type="button"
                  id={`${id}-chip-${chip.field}`}
                  className="chip__edit"
                  title="Change this filter"
                  aria-expanded={editing === chip.field}
                  onClick={() => edit(chip.field)}
                >
                  <span className="chip__label">{chip.label}:</span> <bdi>{chip.value}</bdi>
                </button>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={`Remove filter ${chip.label}: ${chip.value}`}
                  title="Remove this filter"
                  onClick={() => {
                    onFilter(chip.clear)
                    addRef.current?.focus()
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <AddFilter buttonRef={addRef} onPick={edit} />
        <div className="filter-bar__advanced" ref={advancedRef}>
          <AdvancedFilter
            value={bind.advanced.fromSearch(search)}
            onCommit={(text) => onFilter(bind.advanced.toSearch(text))}
          />
        </div>
        <button
          type="button"
          className="button button--small"
          aria-expanded={panelOpen}
          aria-controls={`${id}-panel`}
          onClick={() => {
            setEditing(null)
            setPanelOpen(!panelOpen)
          }}
        >
          All filters
        </button>
        {count > 0 ? (
          <button type="button" className="button button--small" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
        {editing && Editor ? (
          <Popover
            label={`Filter: ${FILTER_LABELS[editing]}`}
            className="filter-editor"
            onClose={() => {
              setEditing(null)
              focusAfterEdit(editing)
            }}
          >
            <Editor search={search} onFilter={onFilter} />
            <div className="popover__actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setEditing(null)
                  focusAfterEdit(editing)
                }}
              >
                Done
              </button>
            </div>
          </Popover>
        ) : null}
      </div>
      {panelOpen ? (
        <FilterPanel
          id={`${id}-panel`}
          search={search}
          onFilter={onFilter}
          onClose={() => setPanelOpen(false)}
        />
      ) : null}
    </section>
  )
}
