import { getRouteApi } from '@tanstack/react-router'

const route = getRouteApi('/_app/sessions/$id')

export function SessionDetail() {
  const { id } = route.useParams()
  return <h1>Session {id}</h1>
}
