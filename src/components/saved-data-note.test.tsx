import { render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SavedDataNote } from './saved-data-note.tsx'

beforeEach(() => {
  vi.useFakeTimers({ now: 10_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

const twelveMinutesAgo = 10_000_000 - 12 * 60_000

/** What a sighted user reads: the note's text without what only screen readers get. */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement
  for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove()
  return copy.textContent ?? ''
}

describe('SavedDataNote', () => {
  it('says how old the saved data is and that EM is being asked', () => {
    render(<SavedDataNote updatedAt={twelveMinutesAgo} fetching />)
    const note = screen.getByRole('status')
    expect(visibleText(note)).toBe('⟲ From 12 min ago, refreshing…')
  })

  it('says the data is kept in this browser once no request is under way', () => {
    render(<SavedDataNote updatedAt={twelveMinutesAgo} fetching={false} />)
    expect(screen.getByRole('status')).toHaveTextContent('From 12 min ago, saved in this browser')
  })

  it('brief: shows only the age, and gives screen readers and the tooltip the whole sentence', () => {
    render(<SavedDataNote updatedAt={twelveMinutesAgo} fetching brief />)
    const note = screen.getByRole('status')
    expect(visibleText(note)).toBe('From 12 min ago')
    expect(note).toHaveTextContent('From 12 min ago, refreshing…')
    expect(note).toHaveAttribute('title', 'From 12 min ago, refreshing…')
  })
})
