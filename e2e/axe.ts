// The accessibility check every screen's journey makes: no serious or critical axe violation.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Open dialogs and popovers: what a scan of an overlay looks at (the page behind has its own scan). */
export const OPEN_DIALOGS = 'dialog[open], [role="dialog"]'

/**
 * Scans the page, or only what `include` selects: a full scan of a page with a hundred rows takes 10–15 s on a busy
 * 2-core machine, so an overlay's scan looks at the overlay.
 */
export async function expectNoSeriousA11yProblems(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page })
  const results = await (include === undefined ? builder : builder.include(include)).analyze()
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}
