// Readable log lines for a terminal: "14:05:09 INFO  Kiosk: signed in … reqId=… status=200". pino-pretty would
// bring a dozen packages for this; the JSON line is the contract, this is only its face on a TTY.

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
}
const SKIPPED = new Set(['level', 'time', 'msg', 'pid', 'hostname'])

/** One pino JSON line as a readable line (ending in a newline); a line that is not JSON comes back as it is. */
export function prettyLine(json: string): string {
  let event: unknown
  try {
    event = JSON.parse(json)
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`
  }
  if (typeof event !== 'object' || event === null) return `${json.trimEnd()}\n`
  const fields = Object.entries(event)
  const value = (name: string): unknown => fields.find(([key]) => key === name)?.[1]
  const time = typeof value('time') === 'number' ? new Date(Number(value('time'))) : new Date()
  const clock = time.toTimeString().slice(0, 8)
  const level = LEVEL_NAMES[Number(value('level'))] ?? 'INFO '
  const rest = fields
    .filter(([key]) => !SKIPPED.has(key))
    .map(([key, field]) => `${key}=${typeof field === 'string' ? field : JSON.stringify(field)}`)
  const message = typeof value('msg') === 'string' ? String(value('msg')) : ''
  return `${[clock, level, message, ...rest].filter((part) => part !== '').join(' ')}\n`
}
