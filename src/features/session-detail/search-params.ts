// The detail view's URL state: only the order of the per-VM table (STYLE §3.5). A bad value falls back to the
// default order; the default is left out of the URL.
import type { SearchSchemaInput } from '@tanstack/react-router'
import {
  DEFAULT_TASK_SORT,
  TASK_SORT_KEYS,
  type TaskSort,
} from '@/features/session-detail/tasks/task-sort.ts'
import { lenient, v } from '@/lib/valibot.ts'

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

const sortText = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const sort = parseTaskSort(dataset.value)
    if (sort) return formatTaskSort(sort)
    addIssue({ message: `expected <column>.asc or .desc, column one of ${TASK_SORT_KEYS}` })
    return NEVER
  }),
)

export const detailSearchSchema = v.object({
  sort: lenient(sortText, DETAIL_DEFAULTS.sort),
})

export type DetailSearch = v.InferOutput<typeof detailSearchSchema>

/** The route's validateSearch: typed by the schema's input, so links to a session may leave `sort` out. */
export function validateDetailSearch(
  raw: v.InferInput<typeof detailSearchSchema> & SearchSchemaInput,
): DetailSearch {
  return v.parse(detailSearchSchema, raw)
}
