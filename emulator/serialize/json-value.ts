/** A JSON document as built before `JSON.stringify`; key insertion order is the order EM writes (em-api.md §5). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject

export interface JsonObject {
  [key: string]: JsonValue
}
