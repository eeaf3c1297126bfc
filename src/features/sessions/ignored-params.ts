// What a hand-edited or stale link held that the explorer cannot use: found by running each raw value through its
// key's strict schema, so the notice says exactly what was ignored and why.
import { v } from '@/lib/valibot.ts'

export interface IgnoredParam {
  key: string
  value: string
  reason: string
}

// A preset window wins over a custom range of the same time (the controls never write both).
const PRESETS = [
  ['created', ['createdFrom', 'createdTo']],
  ['ended', ['endedFrom', 'endedTo']],
] as const

/** What a raw (router-parsed, unvalidated) search holds that the page cannot use, key by key, with the reason. */
export function findIgnoredParams(
  raw: Record<string, unknown>,
  fields: Record<string, v.GenericSchema>,
): IgnoredParam[] {
  const ignored = Object.entries(raw).flatMap(([key, value]): IgnoredParam[] => {
    if (value === undefined) return []
    const field = fields[key]
    if (!field) return [{ key, value: show(value), reason: 'not a parameter of this page' }]
    const result = v.safeParse(field, value)
    if (result.success) return []
    return [{ key, value: show(value), reason: result.issues[0]?.message ?? 'not a valid value' }]
  })
  for (const [preset, keys] of PRESETS) {
    const field = fields[preset]
    if (raw[preset] === undefined || !field || !v.safeParse(field, raw[preset]).success) continue
    for (const key of keys) {
      if (raw[key] !== undefined && !ignored.some((param) => param.key === key))
        ignored.push({ key, value: show(raw[key]), reason: `${preset}=${show(raw[preset])} applies instead` })
    }
  }
  return ignored
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}
