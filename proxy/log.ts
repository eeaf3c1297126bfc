// The proxy's structured log: one JSON line per request and per event, written by pino. On a terminal the same
// events are printed as short readable lines (pretty-line.ts). Every line written while a request is being
// answered carries that request's id (request-context.ts), events it set off (a kiosk logon, a refresh) included.
import { type DestinationStream, type Level, pino } from 'pino'
import { prettyLine } from './pretty-line.ts'
import { currentRequestId } from './request-context.ts'

/** Structured fields of one log event; never a secret (README "Logs"). */
export type LogFields = Readonly<Record<string, unknown>>

/** A line alone, or pino's order: fields, then the line. */
export interface LogMethod {
  (line: string): void
  (fields: LogFields, line: string): void
}

/** What the proxy's modules log through: pino-backed in production, an in-memory log in tests. */
export type ProxyLog = { debug: LogMethod; info: LogMethod; warn: LogMethod; error: LogMethod }

const LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace']

/** LOG_LEVEL (default info); throws a readable message for anything else. */
export function readLogLevel(text: string | undefined): Level {
  const level = (text ?? '').trim().toLowerCase()
  if (level === '') return 'info'
  const known = LEVELS.find((name) => name === level)
  if (known === undefined) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${text}")`)
  return known
}

/** A pino logger writing to `out` (stdout by default): JSON, or readable lines when `out` is a terminal. */
export function createProxyLogger(
  options: { level?: Level; out?: NodeJS.WritableStream & { isTTY?: boolean }; pretty?: boolean } = {},
): ProxyLog {
  const out = options.out ?? process.stdout
  const pretty = options.pretty ?? out.isTTY === true
  const destination: DestinationStream = pretty
    ? { write: (line: string) => void out.write(prettyLine(line)) }
    : { write: (line: string) => void out.write(line) }
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      messageKey: 'msg',
      mixin: () => {
        const reqId = currentRequestId()
        return reqId === undefined ? {} : { reqId }
      },
      // Belt and braces: no module logs these, and if one ever did, the value would not reach the log.
      redact: {
        paths: [
          'password',
          'token',
          'key',
          'authorization',
          '*.password',
          '*.token',
          '*.key',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  )
  const method =
    (level: 'debug' | 'info' | 'warn' | 'error'): LogMethod =>
    (first: string | LogFields, line?: string) => {
      if (typeof first !== 'string') {
        logger[level](first, line)
        return
      }
      const fields = jsonObject(first)
      // A module that writes one JSON object per line (action-log.ts) becomes a structured event as it is.
      if (fields === null) logger[level](first)
      else
        logger[level](fields, typeof fields.msg === 'string' ? fields.msg : String(fields.event ?? 'event'))
    }
  return { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') }
}

function jsonObject(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{')) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null
  } catch {
    return null
  }
}
