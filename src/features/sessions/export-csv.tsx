import { ProgressBar } from '@/components/progress-bar.tsx'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import type { SessionQuery } from '@/em/session-query-path.ts'
import type { SessionSearch } from '@/em/session-url-filter.ts'
import { downloadText } from '@/lib/download.ts'
import { csvFileName, sessionsToCsv } from './session-csv.ts'
import { useExportAll } from './use-export-all.ts'

// Excel reads a CSV as the system code page unless it starts with a UTF-8 byte order mark.
const BOM = '\uFEFF'

function save(sessions: readonly ReplicaJobSession[], fileName: string) {
  const now = Date.now()
  downloadText(fileName, BOM + sessionsToCsv(sessions, now), 'text/csv;charset=utf-8')
}

export interface ExportCsvProps {
  search: SessionSearch
  query: SessionQuery
  /** The rows on screen; undefined until the first answer. */
  pageRows: readonly ReplicaJobSession[] | undefined
}

/** Export the page on screen, or the whole filtered result (paged through EM, with progress and cancel). */
export function ExportCsv({ search, query, pageRows }: ExportCsvProps) {
  const { progress, run, cancel } = useExportAll()

  async function exportAll() {
    const sessions = await run(query)
    if (sessions) save(sessions, csvFileName(search, 'all-pages', Date.now()))
  }

  return (
    <div className="export">
      <button
        type="button"
        className="button button--small"
        disabled={!pageRows}
        onClick={() => pageRows && save(pageRows, csvFileName(search, `page-${query.page}`, Date.now()))}
      >
        Export page (CSV)
      </button>
      {progress.status === 'running' ? (
        <span className="export__progress">
          <ProgressBar
            value={(100 * (progress.page - 1)) / progress.pagesCount}
            running
            label="Export progress"
          />
          <span role="status">
            Page {progress.page} of {progress.pagesCount}
          </span>
          <button type="button" className="button button--small" onClick={cancel}>
            Cancel export
          </button>
        </span>
      ) : (
        <button type="button" className="button button--small" onClick={() => void exportAll()}>
          Export all (CSV)
        </button>
      )}
      {progress.status === 'failed' ? (
        <span className="field__error" role="alert">
          Export failed: {progress.message}
        </span>
      ) : null}
    </div>
  )
}
