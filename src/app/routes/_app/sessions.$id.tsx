import { createFileRoute, type ErrorComponentProps, Link, stripSearchParams } from '@tanstack/react-router'
import { RouteError } from '@/app/route-error.tsx'
import { sessionQueries } from '@/em/session-queries.ts'
import { DETAIL_DEFAULTS, validateDetailSearch } from '@/features/session-detail/search-params.ts'
import { SessionDetail } from '@/features/session-detail/session-detail.tsx'

// `$id` is the lower-case GUID of the session's UID (em-api.md §1); a reload or a shared link loads it afresh.
export const Route = createFileRoute('/_app/sessions/$id')({
  validateSearch: validateDetailSearch,
  search: { middlewares: [stripSearchParams(DETAIL_DEFAULTS)] },
  loader: async ({ context: { queryClient }, params }) => {
    await queryClient.ensureQueryData(sessionQueries.detail(params.id))
  },
  component: SessionDetail,
  errorComponent: SessionLoadError,
})

function SessionLoadError(props: ErrorComponentProps) {
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link to="/sessions">Sessions</Link>
      </nav>
      <RouteError {...props} />
    </>
  )
}
