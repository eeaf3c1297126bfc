// Pages of a newest-first query until they reach back to a given time, within a page budget (em-api.md §4.5:
// no total count, pages shift while read). Page 1 tells how far one page reaches; the pages still needed are then
// asked for together, so a load takes two round trips, not one per page.
import type { Page } from './page-schema.ts'

export interface NewestPagesInput<T> {
  /** The proxy path of page n of a query sorted by time, newest first; free of "now" so URLs stay stable. */
  path: (page: number) => string
  get: (path: string) => Promise<Page<T>>
  timeOf: (item: T) => number
  uidOf: (item: T) => string
  /** Epoch ms the items should reach back to. */
  since: number
  maxPages: number
}

export interface NewestPages<T> {
  /** Newest first, each UID once (a page boundary may repeat an item while EM's data moves). */
  items: T[]
  /** The items are complete from now back to here: `since`, or the oldest item read when the budget ran out. */
  coveredFrom: number
  /** True when `since` was reached or EM had no more pages. */
  complete: boolean
  /** True when EM had no more pages at all: every item it holds was read. */
  exhausted: boolean
  requests: number
}

function reachesBack<T>(page: Page<T>, input: NewestPagesInput<T>): boolean {
  const last = page.items.at(-1)
  const noMore = page.paging.pageNum >= page.paging.pagesCount
  return last === undefined || noMore || input.timeOf(last) < input.since
}

/** Reads pages 1…k of a newest-first query until one reaches `since`, never more than `maxPages`. */
export async function readNewestPages<T>(input: NewestPagesInput<T>): Promise<NewestPages<T>> {
  const first = await input.get(input.path(1))
  const pages = [first]
  const lastPage = Math.min(input.maxPages, first.paging.pagesCount)
  const head = first.items[0]
  const tail = first.items.at(-1)
  if (head !== undefined && tail !== undefined && !reachesBack(first, input) && lastPage > 1) {
    const newest = input.timeOf(head)
    const needed = Math.ceil((newest - input.since) / Math.max(1, newest - input.timeOf(tail)))
    let next = 2
    const batch = Math.min(lastPage, Math.max(2, needed))
    const paths = Array.from({ length: batch - 1 }, (_, i) => input.path(next + i))
    pages.push(...(await Promise.all(paths.map((path) => input.get(path)))))
    next = batch + 1
    // The estimate fell short (older items are sparser): one more page at a time, within the budget.
    while (!reachesBack(pages[pages.length - 1] ?? first, input) && next <= lastPage) {
      pages.push(await input.get(input.path(next)))
      next += 1
    }
  }
  const seen = new Set<string>()
  const items = pages
    .flatMap((page) => page.items)
    .filter((item) => {
      const uid = input.uidOf(item)
      if (seen.has(uid)) return false
      seen.add(uid)
      return true
    })
  const final = pages[pages.length - 1] ?? first
  const complete = reachesBack(final, input)
  const oldest = items.at(-1)
  return {
    items,
    coveredFrom: complete || oldest === undefined ? input.since : input.timeOf(oldest),
    complete,
    exhausted: final.paging.pageNum >= final.paging.pagesCount,
    requests: pages.length,
  }
}

/** Every page of a query in any order, page 1 first and the rest together, at most `maxPages`. */
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
