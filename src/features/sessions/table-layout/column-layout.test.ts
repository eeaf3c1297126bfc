import { describe, expect, it } from 'vitest'
import { COLUMN_IDS, gridTemplate, moveColumn, resolveLayout, toStoredLayout } from './column-layout.ts'

describe('resolveLayout', () => {
  it('defaults: every column in the default order, Session name hidden', () => {
    const layout = resolveLayout(null)
    expect(layout.columnOrder).toEqual([...COLUMN_IDS])
    expect(layout.columnVisibility).toEqual({ Name: false, JobName: true })
  })

  it('keeps a stored choice, drops ids this build does not know, and never hides Job', () => {
    const layout = resolveLayout({
      visibility: { Name: true, Progress: false, JobName: false, Gone: false },
      order: ['Result', 'Gone', 'JobName', 'Result'],
    })
    expect(layout.columnVisibility).toEqual({ Name: true, Progress: false, JobName: true })
    expect(layout.columnOrder.indexOf('Result')).toBeLessThan(layout.columnOrder.indexOf('JobName'))
    expect(layout.columnOrder).toHaveLength(COLUMN_IDS.length)
    expect(new Set(layout.columnOrder)).toEqual(new Set(COLUMN_IDS))
  })

  it('puts a column the stored order lacks after the one it follows by default', () => {
    const stored = COLUMN_IDS.filter((id) => id !== 'Duration').reverse()
    const { columnOrder } = resolveLayout({ visibility: {}, order: stored })
    expect(columnOrder.indexOf('Duration')).toBe(columnOrder.indexOf('EndTime') + 1)
  })
})

describe('toStoredLayout', () => {
  it('stores nothing for the default layout, so a browser follows later defaults', () => {
    expect(toStoredLayout(resolveLayout(null))).toBeNull()
    expect(toStoredLayout({ ...resolveLayout(null), columnVisibility: { Name: false } })).toBeNull()
  })

  it('stores a layout that differs in order or visibility', () => {
    const moved = { ...resolveLayout(null), columnOrder: moveColumn([...COLUMN_IDS], 'Result', -1) }
    expect(toStoredLayout(moved)?.order.slice(0, 3)).toEqual(['JobName', 'Result', 'State'])
    const shown = { ...resolveLayout(null), columnVisibility: { Name: true } }
    expect(toStoredLayout(shown)?.visibility).toEqual({ Name: true })
  })
})

describe('moveColumn', () => {
  it('moves one place either way and stops at the ends', () => {
    expect(moveColumn(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c'])
    expect(moveColumn(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b'])
    expect(moveColumn(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c'])
    expect(moveColumn(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c'])
    expect(moveColumn(['a', 'b', 'c'], 'x', 1)).toEqual(['a', 'b', 'c'])
  })
})

describe('gridTemplate', () => {
  it('a track per visible column, and the sum of the fixed parts as the width to scroll below', () => {
    expect(gridTemplate(['JobName', 'State', 'Duration'])).toEqual({
      columns: 'minmax(10rem, 2fr) 7.5rem 5rem',
      minWidth: '22.5rem',
    })
  })

  it('the default columns fit a 1280-pixel laptop without scrolling sideways', () => {
    const defaults = resolveLayout(null)
    const shown = defaults.columnOrder.filter((id) => defaults.columnVisibility[id] !== false)
    // 1280 px less the page's 1 rem margins and the table's borders, at 16 px to the rem.
    expect(Number.parseFloat(gridTemplate(shown).minWidth)).toBeLessThanOrEqual((1280 - 32 - 2) / 16)
  })

  it('gives a column it does not know (a later actions column) a track of its own', () => {
    expect(gridTemplate(['JobName', 'actions']).columns).toBe('minmax(10rem, 2fr) minmax(6rem, 0.5fr)')
  })
})
