// When this page (this visit) started. Data EM sent before it cannot have come from this visit's requests: it was
// restored from the browser's store (the instant start), and screens mark it with its age until EM answers.
// The navigation's own start, not this module's evaluation: the screens that read it load lazily, possibly after
// this visit's first answers have arrived, which a later time would mistake for restored data.
export const PAGE_STARTED_AT = performance.timeOrigin

/** True for data that came from an earlier visit (dataUpdatedAt before the page started; 0 means no data). */
export function isFromEarlierVisit(dataUpdatedAt: number, pageStartedAt: number = PAGE_STARTED_AT): boolean {
  return dataUpdatedAt > 0 && dataUpdatedAt < pageStartedAt
}
