// The fault a test asks for through `POST /__emulator/faults`; validated strictly so a typo fails loudly.

export const MALFORMED_KINDS = ['truncated-xml', 'invalid-json', 'wrong-shape', 'error-200', 'html'] as const
export type MalformedKind = (typeof MALFORMED_KINDS)[number]

export interface FaultSpec {
  latencyMs?: number
  /** Answer this status with an Error body instead of the real answer. */
  status?: number
  /** Share of matching requests the fault hits, 0..1 (default 1). */
  rate?: number
  /** Hold the request until the client disconnects or the server closes. */
  hang?: boolean
  malformed?: MalformedKind
  pathPrefix?: string
  /** Off by default so a client can still log on while every other request fails. */
  includeLogon?: boolean
  /** Clear the fault automatically after this many milliseconds. */
  forMs?: number
}

type FieldCheck = (value: unknown) => string | undefined

const isNumberIn =
  (min: number, max: number, integer = false): FieldCheck =>
  (value) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value))
      ? undefined
      : `a${integer ? 'n integer' : ' number'} from ${min} to ${max}`

const isBoolean: FieldCheck = (value) => (typeof value === 'boolean' ? undefined : 'a boolean')

const CHECKS: Record<keyof FaultSpec, FieldCheck> = {
  latencyMs: isNumberIn(0, 600_000),
  status: isNumberIn(400, 599, true),
  rate: isNumberIn(0, 1),
  hang: isBoolean,
  malformed: (value) =>
    MALFORMED_KINDS.some((kind) => kind === value) ? undefined : `one of ${MALFORMED_KINDS.join(', ')}`,
  pathPrefix: (value) =>
    typeof value === 'string' && value.startsWith('/') ? undefined : "a path starting with '/'",
  includeLogon: isBoolean,
  forMs: isNumberIn(1, 86_400_000),
}

function isField(key: string): key is keyof FaultSpec {
  return Object.hasOwn(CHECKS, key)
}

/** Validates a JSON body into a FaultSpec; returns the error text for a 400 instead when it is not one. */
export function parseFaultSpec(body: unknown): FaultSpec | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'The fault must be a JSON object.'
  const spec: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    if (!isField(key)) return `Unknown fault field '${key}'.`
    const problem = CHECKS[key](value)
    if (problem !== undefined) return `Fault field '${key}' must be ${problem}.`
    spec[key] = value
  }
  return {
    latencyMs: numberOf(spec.latencyMs),
    status: numberOf(spec.status),
    rate: numberOf(spec.rate),
    hang: spec.hang === true ? true : undefined,
    malformed: MALFORMED_KINDS.find((kind) => kind === spec.malformed),
    pathPrefix: typeof spec.pathPrefix === 'string' ? spec.pathPrefix : undefined,
    includeLogon: spec.includeLogon === true ? true : undefined,
    forMs: numberOf(spec.forMs),
  }
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined
}

/** True when the spec changes any answer; `{}` (or only scoping fields) clears the fault. */
export function hasEffect(spec: FaultSpec): boolean {
  return (
    spec.latencyMs !== undefined ||
    spec.status !== undefined ||
    spec.hang === true ||
    spec.malformed !== undefined
  )
}
