// <input type="datetime-local"> speaks the browser's local time without a zone; filters are sent in UTC.

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** Epoch ms → a datetime-local value in the browser's zone, to the minute: "2025-10-19T08:46". */
export function toLocalInputValue(ms: number): string {
  const date = new Date(ms)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

const LOCAL_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** A datetime-local value (browser's zone) → epoch ms; null when empty, incomplete or not a real time. */
export function fromLocalInputValue(text: string): number | null {
  const match = LOCAL_VALUE.exec(text)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0))
  if (year === undefined || month === undefined || day === undefined) return null
  const date = new Date(year, month - 1, day, hour ?? 0, minute ?? 0, second ?? 0)
  // Date rolls 2025-02-30 over into March: a value that does not read back was not a real date.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null
  return date.getTime()
}

/** Local date and time in a sortable, locale-free form for files: "2025-10-19 08:46:31". */
export function formatLocalSortable(ms: number): string {
  const date = new Date(ms)
  return `${toLocalInputValue(ms).replace('T', ' ')}:${pad(date.getSeconds())}`
}
