import type { EmBody } from '../serialize/render.ts'
import type { ListFormat } from './query-params.ts'
import type { EmReply } from './route.ts'

type ListData = Extract<EmBody, { kind: 'refList' }>['data']
type ItemData = Extract<EmBody, { kind: 'ref' }>['data']

/** A collection URL answers EntityReferences, or the plural entity list with `format=Entity` (em-api.md §5). */
export function listReply(format: ListFormat, data: ListData): EmReply {
  return {
    status: 200,
    body: format === 'Entities' ? { kind: 'entityList', data } : { kind: 'refList', data },
  }
}

/** A single-resource URL answers an EntityRef, or the entity itself with `format=Entity` (§5). */
export function itemReply(format: ListFormat, data: ItemData): EmReply {
  return { status: 200, body: format === 'Entities' ? { kind: 'entity', data } : { kind: 'ref', data } }
}

const THIRTY_DAYS_MICROS = 30 * 24 * 3600 * 1_000_000

/** Collection URLs of sessions only list those created in the last 30 days (em-api.md §6.6). */
export function isRecent(creationTimeMicros: number, nowMs: number): boolean {
  return creationTimeMicros >= nowMs * 1000 - THIRTY_DAYS_MICROS
}
