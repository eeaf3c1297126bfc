// EM's Error body in its real shape (em-api.md §16, §17.4; the schema's ErrorType): attributes Message,
// StatusCode and Status, optional children FirstChanceExceptionMessage and StackTrace. JSON carries all five keys,
// nulls included, in the order of the captured body.

import type { JsonObject } from './json-value.ts'
import { INDENT, NAMESPACES, textElement, wrapElement, xmlAttributes } from './xml-writer.ts'

export interface ErrorContent {
  status: number
  message: string
  /** The exception behind an unexpected fault (500); absent on ordinary refusals. */
  firstChance?: string
}

// `Status` is null in the only JSON capture and absent from the XML one (§16): the emulator never fills it, and
// never sends a stack trace.
export function errorXml({ status, message, firstChance }: ErrorContent): string {
  return wrapElement(
    '',
    'Error',
    xmlAttributes([
      ['Message', message],
      ['StatusCode', String(status)],
    ]) + NAMESPACES,
    textElement(INDENT, 'FirstChanceExceptionMessage', firstChance ?? null),
  )
}

export function errorJson({ status, message, firstChance }: ErrorContent): JsonObject {
  return {
    FirstChanceExceptionMessage: firstChance ?? null,
    Message: message,
    StackTrace: null,
    Status: null,
    StatusCode: status,
  }
}
