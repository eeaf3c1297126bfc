// EM Hrefs name EM's own FQDN, which the browser cannot reach (em-api.md §9.1): every followed link is
// re-based onto the same-origin proxy, and anything that could leave /api/ is refused.

import { EmLinkError } from './errors.ts'
import type { EmLink } from './link-schema.ts'

const ABSOLUTE = /^https?:\/\/([^/?#]*)(.*)$/is
const SCHEME = /^[a-z][a-z0-9+.-]*:/i
// C0 controls, DEL and C1 controls: never part of a link EM writes, and a classic way to smuggle one.
const CONTROL = /\p{Cc}/u

/** Maps an EM Href (absolute on any host, or root-relative) to the proxy path `/api/…` with its query kept verbatim; throws EmLinkError for anything else. */
export function resolveHref(href: string): string {
  if (CONTROL.test(href)) throw new EmLinkError(href, 'it contains control characters')
  if (href.includes('\\')) throw new EmLinkError(href, 'it contains a backslash')
  let rest: string
  const absolute = ABSOLUTE.exec(href)
  if (absolute) {
    if ((absolute[1] ?? '').includes('@')) throw new EmLinkError(href, 'it carries user credentials')
    rest = absolute[2] ?? ''
  } else if (SCHEME.test(href)) {
    throw new EmLinkError(href, 'only http and https links are followed')
  } else if (href.startsWith('//')) {
    throw new EmLinkError(href, 'protocol-relative links are not followed')
  } else {
    rest = href
  }
  const withoutFragment = rest.split('#', 1)[0] ?? ''
  const queryAt = withoutFragment.indexOf('?')
  const path = queryAt === -1 ? withoutFragment : withoutFragment.slice(0, queryAt)
  const query = queryAt === -1 ? '' : withoutFragment.slice(queryAt)
  if (!path.startsWith('/api/')) throw new EmLinkError(href, 'it does not point under /api/')
  // Encoded separators and dots would be decoded after this check, by the proxy or by EM.
  if (/%(2f|5c|25)/i.test(path)) throw new EmLinkError(href, 'its path contains an encoded separator')
  const dotSegment = path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment))
  if (dotSegment) throw new EmLinkError(href, 'its path contains a dot segment')
  return `${path}${query}`
}

/** The first link with this Rel (and Type, when given), or undefined. */
export function findLink(links: readonly EmLink[], rel: string, type?: string): EmLink | undefined {
  return links.find((link) => link.rel === rel && (type === undefined || link.type === type))
}

/** The lower-case GUID of `urn:veeam:<Type>:<guid>` (the resource id in EM paths, em-api.md §1). */
export function idFromUid(uid: string): string {
  const last = uid.slice(uid.lastIndexOf(':') + 1)
  // Most UIDs carry no braces: skip the replace, which every session of a page would pay (issue 18).
  return (last.startsWith('{') || last.endsWith('}') ? last.replace(/^\{|\}$/g, '') : last).toLowerCase()
}

/** Adds `format=Entity` to a proxy path unless it already names a format; works with or without a query. */
export function withEntityFormat(path: string): string {
  if (/[?&]format=/i.test(path)) return path
  return `${path}${path.includes('?') ? '&' : '?'}format=Entity`
}
