// The emulator's Error body (em-api.md §8): status and a human message, in the requested format.

import type { JsonObject } from './json-value.ts'
import { NAMESPACES, wrapElement, xmlAttributes } from './xml-writer.ts'

export function errorXml(status: number, message: string): string {
  return wrapElement(
    '',
    'Error',
    NAMESPACES +
      xmlAttributes([
        ['StatusCode', String(status)],
        ['Message', message],
      ]),
    '',
  )
}

export function errorJson(status: number, message: string): JsonObject {
  return { StatusCode: status, Message: message }
}
