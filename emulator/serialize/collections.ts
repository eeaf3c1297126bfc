// Whole-body lists and single items outside /query: EntityReferences, `<Plural>` lists, EntityRef, an entity
// (em-api.md §5).

import type { JsonObject } from './json-value.ts'
import { refJson, refXml } from './reference.ts'
import type { SerializeContext } from './serialize-context.ts'
import { asItems, type TypedItem, type TypedItems, withWriter } from './typed-items.ts'
import { INDENT, NAMESPACES, wrapElement } from './xml-writer.ts'

/** `<EntityReferences>` of `<Ref>`s, no PagingInfo. */
export function refListXml(data: TypedItems, ctx: SerializeContext): string {
  const refs = withWriter(data, (writer, items) => {
    return items.map((item) => refXml('Ref', writer.ref(item, ctx), INDENT)).join('')
  })
  return wrapElement('', 'EntityReferences', NAMESPACES, refs)
}

/** `{"Refs":[…]}`: a list that is the whole body is not wrapped twice. */
export function refListJson(data: TypedItems, ctx: SerializeContext): JsonObject {
  return { Refs: withWriter(data, (writer, items) => items.map((item) => refJson(writer.ref(item, ctx)))) }
}

/** `<ReplicaJobSessions>` (or Jobs, …) of entities. */
export function entityListXml(data: TypedItems, ctx: SerializeContext): string {
  return withWriter(data, (writer, items) => {
    const entities = items.map((item) => writer.xml(item, ctx, INDENT)).join('')
    return wrapElement('', writer.plural, NAMESPACES, entities)
  })
}

/** Flat `{"ReplicaJobSessions":[…]}`. */
export function entityListJson(data: TypedItems, ctx: SerializeContext): JsonObject {
  return withWriter(data, (writer, items) => ({
    [writer.plural]: items.map((item) => writer.json(item, ctx)),
  }))
}

/** `<EntityRef>` as the root element. */
export function singleRefXml(data: TypedItem, ctx: SerializeContext): string {
  return withWriter(asItems(data), (writer, items) => {
    const [item] = items
    return item === undefined ? '' : refXml('EntityRef', writer.ref(item, ctx), '', NAMESPACES)
  })
}

export function singleRefJson(data: TypedItem, ctx: SerializeContext): JsonObject {
  return withWriter(asItems(data), (writer, items) => {
    const [item] = items
    return item === undefined ? {} : refJson(writer.ref(item, ctx))
  })
}

/** The entity as the root element. */
export function singleEntityXml(data: TypedItem, ctx: SerializeContext): string {
  return withWriter(asItems(data), (writer, items) => {
    const [item] = items
    return item === undefined ? '' : writer.xml(item, ctx, '', NAMESPACES)
  })
}

export function singleEntityJson(data: TypedItem, ctx: SerializeContext): JsonObject {
  return withWriter(asItems(data), (writer, items) => {
    const [item] = items
    return item === undefined ? {} : writer.json(item, ctx)
  })
}
