import type { QueryType } from '../query/query-source.ts'
import { type QueryParams, runQuery } from '../query/run-query.ts'
import type { EmBody } from '../serialize/render.ts'
import { badRequest } from './em-error.ts'
import { pagingLinks } from './paging-links.ts'
import { assertAllowed, queryOperation } from './permissions.ts'
import { type QueryParamReader, readFormat, readPage, readPageSize } from './query-params.ts'
import type { EmReply, RouteCall } from './route.ts'

type QueryData = Extract<EmBody, { kind: 'queryResult' }>['data']

// ObjectInJob is served apart: it answers under Resources, not Entities (getQuery below).
type EntityQueryType = Exclude<QueryType, 'ObjectInJob'>

const SERVED_TYPES: Readonly<Record<string, EntityQueryType>> = {
  replicajobsession: 'ReplicaJobSession',
  replicatasksession: 'ReplicaTaskSession',
  job: 'Job',
  backupserver: 'BackupServer',
  vmreplicapoint: 'VmReplicaPoint',
  replica: 'Replica',
}

// Monitoring clients query these next to replica sessions: an empty page beats an error (em-api.md §4.1).
const EMPTY_TYPES: Readonly<Record<string, string>> = {
  backupjobsession: 'BackupJobSessions',
  backuptasksession: 'BackupTaskSessions',
  repository: 'Repositories',
}

// The parameters PagingInfo links repeat, in their canonical spelling (§4.5).
const LINKED_PARAMS = ['type', 'format', 'filter', 'sortAsc', 'sortDesc'] as const

function linkedParams(params: QueryParamReader): [string, string][] {
  return LINKED_PARAMS.flatMap((name): [string, string][] => {
    const value = params.get(name)
    return value === undefined ? [] : [[name, value]]
  })
}

interface TypedPage {
  pageNum: number
  pageSize: number
  pagesCount: number
  data: QueryData
}

// One case per type so each page's records stay tagged with their type for the serializer.
function runTyped(call: RouteCall, type: EntityQueryType, query: QueryParams): TypedPage {
  const run = <T extends QueryType>(of: T) =>
    runQuery(call.ctx.store, of, query, { endTimeMode: call.ctx.config.endTimeMode })
  switch (type) {
    case 'ReplicaJobSession': {
      const { items, ...paging } = run(type)
      return { ...paging, data: { type, items } }
    }
    case 'ReplicaTaskSession': {
      const { items, ...paging } = run(type)
      return { ...paging, data: { type, items } }
    }
    case 'Job': {
      const { items, ...paging } = run(type)
      return { ...paging, data: { type, items } }
    }
    case 'BackupServer': {
      const { items, ...paging } = run(type)
      return { ...paging, data: { type, items } }
    }
    case 'VmReplicaPoint': {
      const { items, ...paging } = run(type)
      return { ...paging, data: { type, items } }
    }
    case 'Replica': {
      const { items, ...paging } = run(type)
      return { ...paging, data: { type, items } }
    }
  }
}

/** `GET /api/query?type=…`: one page of a filtered, sorted query with PagingInfo links (em-api.md §4, §5). */
export function getQuery(call: RouteCall): EmReply {
  const { params } = call
  const typeText = params.get('type')
  // The type's row of the role table (em-api.md §10) decides before anything else about the query.
  assertAllowed(call.caller, queryOperation(typeText))
  const format = readFormat(params)
  const filter = params.get('filter')
  const sortAsc = params.get('sortAsc')
  const sortDesc = params.get('sortDesc')
  if (sortAsc !== undefined && sortDesc !== undefined)
    throw badRequest('Use either sortAsc or sortDesc, not both.')
  const pageSize = readPageSize(params)
  const page = readPage(params)
  if (typeText === undefined || typeText === '') throw badRequest("Parameter 'type' is required.")
  const key = typeText.toLowerCase()
  const links = (pageNum: number, pagesCount: number) =>
    pagingLinks({
      publicUrl: call.ctx.config.publicUrl,
      params: linkedParams(params),
      pageNum,
      pageSize,
      pagesCount,
    })

  const servedType = SERVED_TYPES[key]
  if (servedType !== undefined) {
    const { data, ...result } = runTyped(call, servedType, { filter, sortAsc, sortDesc, pageSize, page })
    const paging = { ...result, links: links(result.pageNum, result.pagesCount) }
    return { status: 200, body: { kind: 'queryResult', format, paging, data } }
  }
  if (key === 'objectinjob') {
    const query = { filter, sortAsc, sortDesc, pageSize, page }
    const { items, ...result } = runQuery(call.ctx.store, 'ObjectInJob', query, {
      endTimeMode: call.ctx.config.endTimeMode,
    })
    const paging = { ...result, links: links(result.pageNum, result.pagesCount) }
    return { status: 200, body: { kind: 'resourcesQueryResult', paging, items } }
  }
  const collectionKey = EMPTY_TYPES[key]
  if (collectionKey !== undefined) {
    const paging = { pageNum: page, pageSize, pagesCount: 1, links: links(page, 1) }
    return { status: 200, body: { kind: 'emptyQueryResult', collectionKey, format, paging } }
  }
  throw badRequest(`Unknown query type '${typeText}'.`)
}
