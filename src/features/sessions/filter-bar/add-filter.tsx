import { type RefObject, useState } from 'react'
import { Popover } from '@/components/popover.tsx'
import { FILTER_FIELD_IDS, FILTER_LABELS, type FilterFieldId } from './filter-chips.ts'

export interface AddFilterProps {
  buttonRef: RefObject<HTMLButtonElement | null>
  onPick: (field: FilterFieldId) => void
}

/** "Add filter": the filter fields to pick from; picking one opens its editor. */
export function AddFilter({ buttonRef, onPick }: AddFilterProps) {
  const [open, setOpen] = useState(false)
  return (
    <div className="filter-bar__add">
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">+</span> Add filter
      </button>
      {open ? (
        <Popover label="Add filter" triggerRef={buttonRef} onClose={() => setOpen(false)}>
          <ul className="popover__list">
            {FILTER_FIELD_IDS.map((field) => (
              <li key={field}>
                <button
                  type="button"
                  className="popover__item"
                  onClick={() => {
                    setOpen(false)
                    onPick(field)
                  }}
                >
                  {FILTER_LABELS[field]}
                </button>
              </li>
            ))}
          </ul>
        </Popover>
      ) : null}
    </div>
  )
}
