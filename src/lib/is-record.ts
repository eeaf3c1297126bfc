// A zod-free module of its own: the decode worker's messages need this check without loading any schema.

/** Whether a decoded value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
