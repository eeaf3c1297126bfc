// The LogonSession returned by logon (em-api.md §3, §6.5).
import { z } from '@/lib/zod.ts'
import { findLink, resolveHref } from './link-resolver.ts'
import { type EmLink, linksSchema } from './link-schema.ts'
import { documentOf, parseWith } from './schemas.ts'

export interface LogonSession {
  userName: string
  sessionId: string
  href: string
  /** Proxy path to DELETE on sign-out: the Rel="Delete" link (with or without Type), else the session Href. */
  logoutPath: string
  links: EmLink[]
}

const logonSessionSchema = z.pipe(
  z.object({ UserName: z.string(), SessionId: z.string(), Href: z.string(), Links: linksSchema }),
  z.transform((raw): LogonSession => {
    const deleteLink = findLink(raw.Links, 'Delete')
    return {
      userName: raw.UserName,
      sessionId: raw.SessionId,
      href: raw.Href,
      logoutPath: resolveHref(deleteLink?.href ?? raw.Href),
      links: raw.Links,
    }
  }),
)

/** A LogonSession document → LogonSession; throws EmLinkError when its logout link cannot be followed. */
export function parseLogonSession(doc: unknown): LogonSession {
  return parseWith(documentOf('LogonSession', logonSessionSchema), doc, 'LogonSession')
}
