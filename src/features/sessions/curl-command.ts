import type { WireFormat } from '@/em/wire-format.ts'
import { shellQuote } from '@/lib/shell-quote.ts'

/** The request behind the table as a curl command; every value quoted for POSIX shells, so any filter text survives. */
export function curlCommand(url: string, format: WireFormat): string {
  const accept = format === 'json' ? 'application/json' : 'application/xml'
  // The token stays a placeholder: a command copied into a ticket or a chat must not carry a live session.
  const words = ['-sS', '-H', 'X-RestSvcSessionId: <token>', '-H', `Accept: ${accept}`, url].map(shellQuote)
  return `curl ${words.join(' ')}`
}
