// The detail view's URL state: only the order of the per-VM table (STYLE §3.5). A bad value falls back to the
// default order; the default is left out of the URL.
import type { SearchSchemaInput } from '@tanstack/react-router'
import {
  DEFAULT_TASK_SORT,
  TASK_SORT_KEYS,
  type TaskSort,
} from '@/features/session-detail/tasks/task-sort.ts'
import { addIssue, z } from '@/lib/zod.ts'

/** `key.dir`, e.g. `size.desc`; case-insensitive. */
export function parseTaskSort(text: string): TaskSort | null {
  const match = /^([a-z]+)\.(asc|desc)$/i.exec(text)
  const key = TASK_SORT_KEYS.find((known) => known === match?.[1]?.toLowerCase())
  const dir = match?.[2]?.toLowerCase()
  if (!key || (dir !== 'asc' && dir !== 'desc')) return null
  return { key, dir }
}

export function formatTaskSort(sort: TaskSort): string {
  return `${sort.key}.${sort.dir}`
}

export const DETAIL_DEFAULTS = { sort: formatTaskSort(DEFAULT_TASK_SORT) }

const sortText = z.pipe(
  z.string(),
  z.transform((text, ctx) => {
    const sort = parseTaskSort(text)
    if (sort) return formatTaskSort(sort)
    addIssue(ctx, `expected <column>.asc or .desc, column one of ${TASK_SORT_KEYS}`)
    return z.NEVER
  }),
)

export const detailSearchSchema = z.object({
  sort: z.catch(z._default(sortText, DETAIL_DEFAULTS.sort), DETAIL_DEFAULTS.sort),
})

export type DetailSearch = z.output<typeof detailSearchSchema>

/** The route's validateSearch: typed by the schema's input, so links to a session may leave `sort` out. */
export function validateDetailSearch(
  raw: z.input<typeof detailSearchSchema> & SearchSchemaInput,
): DetailSearch {
  return detailSearchSchema.parse(raw)
}
