import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ComponentProps } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { GridHeader } from './grid-header.tsx'

function renderHeader(props: ComponentProps<typeof GridHeader>) {
  render(
    <table>
      <thead>
        <tr>
          <GridHeader {...props} />
        </tr>
      </thead>
    </table>,
  )
  return screen.getByRole('columnheader')
}

describe('GridHeader', () => {
  it('is a plain header, without a button or aria-sort, when the column cannot sort', () => {
    const header = renderHeader({ label: 'Why', className: 'prot-col--reason' })
    expect(header).toHaveTextContent(/^Why$/)
    expect(header).toHaveClass('grid-table__header', 'prot-col--reason')
    expect(header).not.toHaveClass('grid-table__header--sortable')
    expect(header).not.toHaveAttribute('aria-sort')
    expect(screen.queryByRole('button')).toBeNull()
  })

  it.each([
    ['asc', 'ascending', '▲'],
    ['desc', 'descending', '▼'],
  ] as const)('sorted %s: aria-sort %s, a %s arrow hidden from the name', (sorted, ariaSort, arrow) => {
    const header = renderHeader({ label: 'VM', sorted, onSort: () => {} })
    expect(header).toHaveAttribute('aria-sort', ariaSort)
    expect(screen.getByRole('button', { name: 'VM' })).toHaveTextContent(`VM${arrow}`)
  })

  it('has no aria-sort when another column is the sort, and a click hands the event to onSort', async () => {
    const onSort = vi.fn()
    const header = renderHeader({ label: 'Job', sorted: false, onSort })
    expect(header).not.toHaveAttribute('aria-sort')
    expect(header).toHaveClass('grid-table__header--sortable')
    expect(screen.getByRole('button', { name: 'Job' })).toHaveTextContent('Job↕')
    await userEvent.click(screen.getByRole('button', { name: 'Job' }))
    expect(onSort).toHaveBeenCalledTimes(1)
    expect(onSort.mock.calls[0]?.[0]).toHaveProperty('type', 'click')
  })
})
