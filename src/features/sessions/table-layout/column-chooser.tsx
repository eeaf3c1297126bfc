import { useRef, useState } from 'react'
import { Popover } from '@/components/popover.tsx'
import { moveColumn } from './column-layout.ts'
import type { SessionTable } from './use-session-table.ts'

function labelOf(column: { id: string; columnDef: { header?: unknown } }): string {
  return typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id
}

/** Show, hide and reorder the table's columns (TanStack's visibility and order state), with a way back. */
export function ColumnChooser({ table }: { table: SessionTable }) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const order = table.state.columnOrder
  const columns = [...table.getAllLeafColumns()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
  return (
    <span className="column-chooser">
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Columns
      </button>
      {open ? (
        <Popover
          label="Columns"
          triggerRef={buttonRef}
          onClose={() => setOpen(false)}
          className="column-chooser__popover"
        >
          <ul className="column-chooser__list">
            {columns.map((column, index) => {
              const label = labelOf(column)
              return (
                <li key={column.id} className="column-chooser__item">
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={column.getIsVisible()}
                      disabled={!column.getCanHide()}
                      onChange={(event) => column.toggleVisibility(event.target.checked)}
                    />
                    {label}
                    {column.getCanHide() ? null : (
                      <span className="column-chooser__note">(opens the session)</span>
                    )}
                  </label>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Move ${label} left`}
                    disabled={index === 0}
                    onClick={() => table.setColumnOrder((current) => moveColumn(current, column.id, -1))}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Move ${label} right`}
                    disabled={index === columns.length - 1}
                    onClick={() => table.setColumnOrder((current) => moveColumn(current, column.id, 1))}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </li>
              )
            })}
          </ul>
          <div className="popover__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                table.resetColumnVisibility()
                table.resetColumnOrder()
              }}
            >
              Reset columns
            </button>
          </div>
        </Popover>
      ) : null}
    </span>
  )
}
