// PagingInfo links as a real EM 12/13 writes them (em-api.md §4.5 and the capture at the end of §5).

export interface PagingLink {
  rel: 'First' | 'Previous' | 'Next' | 'Last'
  href: string
}

export interface PagingLinkInput {
  publicUrl: string
  /** The request's query parameters other than pageSize/page, canonical name → decoded value. */
  params: readonly (readonly [string, string])[]
  pageNum: number
  pageSize: number
  pagesCount: number
}

// Percent-encoding with lower-case hex, like the EM 12/13 capture (`CreationTime%3e%3d2025-02-18T14%3a16%3a31`).
function encodeLower(value: string): string {
  return encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())
}

/** First and Last always, Previous when PageNum > 1, Next when a later page exists, in that order (§4.5). */
export function pagingLinks(input: PagingLinkInput): PagingLink[] {
  const sorted = [...input.params].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
  const query = sorted.map(([name, value]) => `${name}=${encodeLower(value)}`).join('&')
  const href = (page: number) => `${input.publicUrl}query?${query}&pageSize=${input.pageSize}&page=${page}`
  const links: PagingLink[] = [{ rel: 'First', href: href(1) }]
  // Past the end, Previous leads back to the real last page rather than to another empty one.
  if (input.pageNum > 1)
    links.push({ rel: 'Previous', href: href(Math.min(input.pageNum - 1, input.pagesCount)) })
  if (input.pageNum < input.pagesCount) links.push({ rel: 'Next', href: href(input.pageNum + 1) })
  links.push({ rel: 'Last', href: href(input.pagesCount) })
  return links
}
