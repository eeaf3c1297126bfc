import type { SessionSearch } from '@/em/session-url-filter.ts'
import { FILTER_EDITORS, PANEL_ORDER } from './filter-bar/filter-fields.tsx'
import type { SearchPatch } from './filter-bindings.ts'

export interface FilterPanelProps {
  id: string
  search: SessionSearch
  onFilter: (patch: SearchPatch) => void
  onClose: () => void
}

/** Every filter control at once, opened on demand from the filter bar; the advanced expression stays in the bar. */
export function FilterPanel({ id, search, onFilter, onClose }: FilterPanelProps) {
  return (
    <section className="filters" id={id} aria-labelledby={`${id}-title`}>
      <div className="filters__head">
        <h2 id={`${id}-title`}>All filters</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="filters__grid">
        {PANEL_ORDER.map((field) => {
          const Editor = FILTER_EDITORS[field]
          return <Editor key={field} search={search} onFilter={onFilter} />
        })}
      </div>
    </section>
  )
}
