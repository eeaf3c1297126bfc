import { expect, test } from 'vitest'

test('the visit starts with the navigation, not when a lazily loaded screen first reads it', async () => {
  // An answer of this visit that arrives before the module loads must not look restored from an earlier visit.
  const answeredAt = Date.now()
  await new Promise((resolve) => setTimeout(resolve, 5))
  const { isFromEarlierVisit, PAGE_STARTED_AT } = await import('./page-start.ts')
  expect(PAGE_STARTED_AT).toBeLessThanOrEqual(answeredAt)
  expect(isFromEarlierVisit(answeredAt)).toBe(false)
  expect(isFromEarlierVisit(PAGE_STARTED_AT - 60_000)).toBe(true)
  expect(isFromEarlierVisit(0)).toBe(false)
})
