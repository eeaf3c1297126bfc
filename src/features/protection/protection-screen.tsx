// /protection: is every replicated VM within its RPO? Composes the summary, the blind spots, the reason groups,
// the filters and the table; the numbers come from one pure computation (model/protection-model.ts).
import { useMemo } from 'react'
import { EmptyState } from '@/components/empty-state.tsx'
import { ErrorState } from '@/components/error-state.tsx'
import { describeEmError } from '@/em/describe-error.ts'
import { useProtection } from '@/em/protection/use-protection.ts'
import { downloadText } from '@/lib/download.ts'
import { formatLocal } from '@/lib/format-time.ts'
import { LimitsNotice } from './limits-notice.tsx'
import { protectionFileName, protectionToCsv } from './protection-csv.ts'
import { ProtectionFilters } from './protection-filters.tsx'
import { ProtectionRefresh } from './protection-refresh.tsx'
import { ProtectionSummary } from './protection-summary.tsx'
import { ProtectionTable } from './protection-table.tsx'
import { ReasonGroups } from './reason-groups.tsx'
import { facetsOf, filterRows, scopeRows, sortRows } from './rows.ts'
import { useProtectionSearch } from './use-protection-search.ts'
import './protection.css'

// Excel reads a CSV as the system code page unless it starts with a UTF-8 byte order mark.
const BOM = '\uFEFF'

export function ProtectionScreen() {
  const { search, setFilter, clearFilters, setSort } = useProtectionSearch()
  const state = useProtection({
    rpoHours: search.rpo,
    riskPercent: search.risk,
    windowHours: search.window,
    refetchInterval: search.refresh > 0 ? search.refresh * 1000 : false,
  })
  const { view } = state
  const now = state.updatedAt || Date.now()
  // Derived on each new view or search only: 2,000 rows filtered, sorted and counted.
  const derived = useMemo(() => {
    if (!view) return null
    const scoped = scopeRows(view.rows, search)
    return {
      scoped,
      rows: sortRows(filterRows(view.rows, search), search.sort),
      facets: facetsOf(view.rows),
      groups: view.groups.filter((group) => scoped.some((row) => row.reason?.key === group.key)),
    }
  }, [view, search])
  const head = (
    <div className="prot-head">
      <h1>Protection</h1>
      <ProtectionRefresh
        seconds={search.refresh}
        onSeconds={(refresh) => setFilter({ refresh })}
        updatedAt={state.updatedAt}
        fetching={state.fetching}
        onRefresh={state.refetch}
      />
    </div>
  )
  if (view && derived) {
    const { scoped, rows } = derived
    return (
      <div className="prot" aria-busy={state.fetching || state.lookingUp > 0}>
        {head}
        {state.error ? (
          <ErrorState
            title={`Showing EM's answers as of ${formatLocal(state.updatedAt)}: the last refresh failed`}
            detail={describeEmError(state.error, 'Could not refresh').detail}
            onRetry={state.refetch}
          />
        ) : null}
        {state.lookingUp > 0 ? (
          <p className="prot-looking" role="status">
            Looking up the older replica points of {state.lookingUp} VMs and jobs the window did not show:
            their rows may still change from Out of RPO to Never replicated, or show how long.
          </p>
        ) : null}
        <ProtectionSummary
          rows={scoped}
          rpoHours={search.rpo}
          now={now}
          lowerBounds={view.lowerBounds}
          selected={search.status}
          onStatus={(status) => setFilter({ status: status ? [status] : undefined })}
        />
        <LimitsNotice limits={view.limits} hidden={view.hidden} />
        <ReasonGroups
          groups={derived.groups}
          selected={search.reason}
          onSelect={(group) =>
            setFilter(
              group ? { reason: group.key, server: group.serverName ?? undefined } : { reason: undefined },
            )
          }
        />
        <ProtectionFilters
          search={search}
          facets={derived.facets}
          onFilter={setFilter}
          onClear={clearFilters}
        />
        <div className="prot-toolbar">
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              downloadText(
                protectionFileName(Date.now()),
                BOM + protectionToCsv(rows),
                'text/csv;charset=utf-8',
              )
            }
          >
            Export CSV ({rows.length} rows)
          </button>
          <span role="status">
            {rows.length} of {view.rows.length} VMs shown
          </span>
        </div>
        {rows.length === 0 ? (
          <EmptyState title="No VM matches these filters">
            <button type="button" className="button" onClick={clearFilters}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <ProtectionTable
            rows={rows}
            sort={search.sort}
            now={now}
            rpoHours={search.rpo}
            windowHours={search.window}
            stale={state.error !== null}
            onSort={setSort}
          />
        )}
      </div>
    )
  }
  if (state.error) {
    const { title, detail } = describeEmError(state.error, 'Could not load the protection view')
    return (
      <div className="prot">
        {head}
        <ErrorState title={title} detail={detail} onRetry={state.refetch} />
      </div>
    )
  }
  return (
    <div className="prot">
      {head}
      <div className="prot-loading" role="status" aria-live="polite">
        Reading replica points, task sessions and jobs from Enterprise Manager…
      </div>
    </div>
  )
}
