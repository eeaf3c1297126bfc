import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { HISTORY_DEFAULTS, historySearchSchema } from '@/features/protection/history/history-search-params.ts'
import { VmHistory } from '@/features/protection/history/vm-history.tsx'

export const Route = createFileRoute('/_app/protection/vm')({
  validateSearch: historySearchSchema,
  search: { middlewares: [stripSearchParams(HISTORY_DEFAULTS)] },
  component: HistoryRoute,
})

function HistoryRoute() {
  return <VmHistory search={Route.useSearch()} />
}
