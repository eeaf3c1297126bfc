// Pages of a query, within a page budget (em-api.md §4.5: no total count, pages shift while read). Page 1 tells
// how many pages there are; the rest are asked for together, so a load takes two round trips, not one per page.
import type { Page } from './page-schema.ts'

export interface WindowInput<T> {
  /** The proxy path of page n, newest first, filtered to items created since `since`. */
  path: (page: number) => string
  /**
   * When given: a References page of one item with the same filter, whose PagesCount is the number of matches
   * (em-api.md §4.5). Knowing it, every page is asked for at once instead of page 1 first: one small request more,
   * one round trip (and one large decode) less before the rest.
   */
  countPath?: string
  count?: (path: string) => Promise<number>
  get: (path: string) => Promise<Page<T>>
  timeOf: (item: T) => number
  uidOf: (item: T) => string
  /** Epoch ms the filter reaches back to. */
  since: number
  maxPages: number
}

export interface WindowPages<T> {
  /** Newest first, each UID once (a page boundary may repeat an item while EM's data moves). */
  items: T[]
  /** The items are complete from now back to here: `since`, or the oldest item read when the budget ran out. */
  coveredFrom: number
  /** True when every page of the window was read. */
  complete: boolean
  /** Never true here: a window is not all EM holds (only a lookup by name tells a VM has no point at all). */
  exhausted: boolean
  requests: number
}

/** Every page of a query, page 1 first and the rest together, at most `maxPages`. */
export async function readAllPages<T>(input: {
  path: (page: number) => string
  get: (path: string) => Promise<Page<T>>
  maxPages: number
}): Promise<{ items: T[]; complete: boolean; requests: number }> {
  const first = await input.get(input.path(1))
  const last = Math.min(input.maxPages, first.paging.pagesCount)
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, last - 1) }, (_, i) => input.get(input.path(i + 2))),
  )
  return {
    items: [first, ...rest].flatMap((page) => page.items),
    complete: first.paging.pagesCount <= input.maxPages,
    requests: 1 + rest.length,
  }
}

async function readCounted<T>(
  input: WindowInput<T>,
  count: number,
): Promise<{ items: T[]; complete: boolean; requests: number }> {
  const pages = Math.min(input.maxPages, Math.ceil(count / PAGE_SIZE))
  const read = await Promise.all(Array.from({ length: pages }, (_, i) => input.get(input.path(i + 1))))
  return {
    items: read.flatMap((page) => page.items),
    complete: count <= input.maxPages * PAGE_SIZE,
    requests: 1 + pages,
  }
}

// The page size every windowed path asks for: EM's cap (§4.1).
export const PAGE_SIZE = 1000

/** The items of a time window, newest first, within the page budget; says how far back they are complete. */
export async function readWindow<T>(input: WindowInput<T>): Promise<WindowPages<T>> {
  const { countPath, count } = input
  const read =
    countPath !== undefined && count !== undefined
      ? await readCounted(input, await count(countPath))
      : await readAllPages(input)
  const seen = new Set<string>()
  const items = read.items.filter((item) => {
    const uid = input.uidOf(item)
    if (seen.has(uid)) return false
    seen.add(uid)
    return true
  })
  const oldest = items.at(-1)
  return {
    items,
    coveredFrom: read.complete || oldest === undefined ? input.since : input.timeOf(oldest),
    complete: read.complete,
    exhausted: false,
    requests: read.requests,
  }
}
