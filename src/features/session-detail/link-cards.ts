// Which Link of a session entity feeds which card (em-api.md §6.1). Links are told apart by Rel and Type, never by
// position or path: EM may add links, reorder them, and the Down Href has two spellings. Links the app does not
// know are listed in the links panel and never followed.
import { EmLinkError } from '@/em/errors.ts'
import { resolveHref } from '@/em/link-resolver.ts'
import type { EmLink } from '@/em/link-schema.ts'

export type LinkCard = 'server' | 'job' | 'reference' | 'tasks'

/** Heading of each card and the id of its section, so the links panel can point at it. */
export const LINK_CARDS: Record<LinkCard, { title: string; anchor: string }> = {
  server: { title: 'Backup server', anchor: 'backup-server' },
  job: { title: 'Job', anchor: 'job' },
  reference: { title: 'Reference form', anchor: 'reference' },
  tasks: { title: 'VMs in this session', anchor: 'tasks' },
}

const KNOWN: readonly { rel: string; type: string; card: LinkCard }[] = [
  { rel: 'Up', type: 'BackupServerReference', card: 'server' },
  { rel: 'Up', type: 'JobReference', card: 'job' },
  { rel: 'Alternate', type: 'ReplicaJobSessionReference', card: 'reference' },
  { rel: 'Down', type: 'ReplicaTaskSessionReferenceList', card: 'tasks' },
]

export type LinkUse =
  | { kind: 'card'; card: LinkCard }
  /** A second link of a kind already feeding its card: listed, not followed. */
  | { kind: 'duplicate'; card: LinkCard }
  | { kind: 'unknown' }

export interface PlannedLink {
  link: EmLink
  use: LinkUse
  /** Why the link resolver refuses this Href, or null when it would follow it. */
  refusal: string | null
}

export interface LinkPlan {
  /** Every link, in EM's order. */
  rows: PlannedLink[]
  /** The one link feeding each card; absent when the entity has none. */
  cards: Partial<Record<LinkCard, EmLink>>
}

/** Sorts the links of a ReplicaJobSession entity into cards (first of a kind wins) and links only listed. */
export function planLinks(links: readonly EmLink[]): LinkPlan {
  const cards: Partial<Record<LinkCard, EmLink>> = {}
  const rows = links.map((link): PlannedLink => {
    const card = cardOf(link)
    const refusal = refusalOf(link.href)
    if (card === null) return { link, use: { kind: 'unknown' }, refusal }
    if (cards[card]) return { link, use: { kind: 'duplicate', card }, refusal }
    cards[card] = link
    return { link, use: { kind: 'card', card }, refusal }
  })
  return { rows, cards }
}

// EM writes Rel and Type in PascalCase; a different case is still the same link.
function cardOf(link: EmLink): LinkCard | null {
  const rel = link.rel.toLowerCase()
  const type = link.type?.toLowerCase()
  return (
    KNOWN.find((known) => known.rel.toLowerCase() === rel && known.type.toLowerCase() === type)?.card ?? null
  )
}

function refusalOf(href: string): string | null {
  try {
    resolveHref(href)
    return null
  } catch (error) {
    if (error instanceof EmLinkError) return error.message
    throw error
  }
}
