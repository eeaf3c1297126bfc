import { CopyButton } from '@/components/copy-button.tsx'
import { buildFilter, buildQueryPath, type SessionQuery } from '@/em/session-query-path.ts'
import type { WireFormat } from '@/em/wire-format.ts'
import { curlCommand } from './curl-command.ts'

export interface EmQueryLineProps {
  query: SessionQuery
  format: WireFormat
}

/** The exact request behind the table, for admins who script against EM (the path is EM's, through this proxy). */
export function EmQueryLine({ query, format }: EmQueryLineProps) {
  let path: string
  try {
    path = buildQueryPath(query)
  } catch {
    return null
  }
  const url = `${window.location.origin}${path}`
  const filter = buildFilter(query.filter)
  return (
    <section className="em-query" aria-label="EM query">
      <span className="em-query__label">EM query</span>
      <code className="em-query__path">GET {path}</code>
      <span className="em-query__actions">
        <CopyButton text={url} label="Copy URL" />
        <CopyButton text={curlCommand(url, format)} label="Copy curl" />
      </span>
      {filter ? (
        <span className="em-query__filter">
          filter, decoded: <code>{filter}</code>
        </span>
      ) : null}
    </section>
  )
}
