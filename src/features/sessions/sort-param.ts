// The explorer's `sort` key, `Field.asc|desc`: any field EM can sort ReplicaJobSession by (em-api.md §4.3).

import { SESSION_FILTER_FIELDS, type SessionSort } from '@/em/session-query-path.ts'
import { v } from '@/lib/valibot.ts'

const SORT_FIELDS = SESSION_FILTER_FIELDS.map((field) => field.name)

export const DEFAULT_SORT = 'CreationTime.desc'

/** `Field.dir`, the URL form of a SessionSort; the field is matched case-insensitively. */
export function parseSort(text: string): SessionSort | null {
  const match = /^([A-Za-z]+)\.(asc|desc)$/i.exec(text)
  const field = SORT_FIELDS.find((name) => name.toLowerCase() === match?.[1]?.toLowerCase())
  const dir = match?.[2]?.toLowerCase()
  if (!field || (dir !== 'asc' && dir !== 'desc')) return null
  return { field, dir }
}

export function formatSort(sort: SessionSort): string {
  return `${sort.field}.${sort.dir}`
}

/** The sort a validated `sort` key stands for: newest first when it is the default (or somehow not a sort). */
export function sortOf(text: string): SessionSort {
  return parseSort(text) ?? { field: 'CreationTime', dir: 'desc' }
}

/** The strict schema of the key: canonical spelling out, a readable reason when it is not a sort. */
export const sortParam = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const sort = parseSort(dataset.value)
    if (sort) return formatSort(sort)
    addIssue({ message: `expected <field>.asc or <field>.desc, field one of ${SORT_FIELDS.join(', ')}` })
    return NEVER
  }),
)
