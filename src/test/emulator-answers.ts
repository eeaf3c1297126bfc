// EM answers straight from the emulator's handle(), in-process and signed in, for parser tests that check XML and
// JSON of the same data decode alike (STYLE §3.10). Only src/test/ may reach into emulator/.
import { createEmContext, type EmContext } from '../../emulator/handlers/context.ts'
import { handle } from '../../emulator/handlers/handle.ts'

export interface EmulatorAnswers {
  context: EmContext
  /** The body text EM answers to a GET of `rawPath` in the given format; throws on a non-200. */
  get(rawPath: string, format: 'xml' | 'json'): string
}

/** A fresh emulator at a fixed instant, so both formats describe the same records. */
export function emulatorAnswers(options: { seed?: number; sessions?: number } = {}): EmulatorAnswers {
  const at = Date.UTC(2025, 10, 5, 12, 0, 0)
  const context = createEmContext({
    seed: options.seed ?? 3,
    sessions: options.sessions ?? 1500,
    now: () => at,
  })
  const basic = `Basic ${Buffer.from('admin:admin').toString('base64')}`
  const logon = handle(
    { method: 'POST', rawPath: '/api/sessionMngr/?v=latest', headers: { authorization: basic } },
    context,
  )
  const token = logon.headers['X-RestSvcSessionId'] ?? ''
  return {
    context,
    get(rawPath, format) {
      const accept = format === 'json' ? 'application/json' : 'application/xml'
      const reply = handle(
        { method: 'GET', rawPath, headers: { accept, 'x-restsvcsessionid': token } },
        context,
      )
      const text = reply.body.toString('utf8')
      if (reply.status !== 200) throw new Error(`${rawPath}: ${reply.status} ${text.slice(0, 200)}`)
      return text
    },
  }
}
