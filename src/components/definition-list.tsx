import type { ReactNode } from 'react'
import './definition-list.css'

export interface DefinitionItem {
  /** Plain words, e.g. "Next run". */
  label: string
  value: ReactNode
}

/** Label and value pairs, read as a description list by assistive tech. */
export function DefinitionList({ items }: { items: readonly DefinitionItem[] }) {
  return (
    <dl className="definition-list">
      {items.map((item) => (
        <div className="definition-list__row" key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  )
}
