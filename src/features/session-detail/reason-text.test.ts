import { describe, expect, it } from 'vitest'
import { REASON_PREVIEW_CHARS, reasonText } from './reason-text.ts'

describe('reasonText', () => {
  it('keeps a short reason whole', () => {
    const reason = 'Error: Failed to create VM snapshot. The operation timed out'
    expect(reasonText(reason)).toEqual({ full: reason, preview: null })
  })

  it('is empty when EM sent none', () => {
    expect(reasonText('')).toEqual({ full: '', preview: null })
    expect(reasonText('  \n ')).toEqual({ full: '', preview: null })
  })

  it('folds a long reason near a word end, and keeps the whole text', () => {
    const reason = `Error: ${'the target datastore has insufficient free space '.repeat(8)}`.trim()
    const { full, preview } = reasonText(reason)
    expect(full).toBe(reason)
    expect(preview).not.toBeNull()
    expect(preview?.endsWith('…')).toBe(true)
    expect(preview?.length).toBeLessThanOrEqual(REASON_PREVIEW_CHARS + 1)
    expect(preview?.slice(0, -1)).toMatch(/\S$/)
    expect(reason.startsWith(preview?.slice(0, -1) ?? 'x')).toBe(true)
  })

  it('cuts one long token where it is', () => {
    const { preview } = reasonText(`Error: ${'x'.repeat(500)}`)
    expect(preview).toBe(`Error: ${'x'.repeat(REASON_PREVIEW_CHARS - 7)}…`)
  })

  it('folds after three lines and normalises line breaks', () => {
    const { full, preview } = reasonText('one\r\ntwo\rthree\nfour\nfive')
    expect(full).toBe('one\ntwo\nthree\nfour\nfive')
    expect(preview).toBe('one\ntwo\nthree…')
  })

  it('never splits a grapheme (emoji, combining marks) and keeps right-to-left text as it came', () => {
    const family = '👨‍👩‍👧'
    const { preview } = reasonText(family.repeat(200), 10)
    expect(preview).toBe(`${family.repeat(10)}…`)
    const hebrew = 'שגיאה: לא ניתן ליצור תמונת מצב של המכונה'
    expect(reasonText(hebrew)).toEqual({ full: hebrew, preview: null })
  })

  it('treats markup as text', () => {
    const markup = '<img src=x onerror=alert(1)> & <b>bold</b>'
    expect(reasonText(markup).full).toBe(markup)
  })
})
