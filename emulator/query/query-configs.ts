import type { ReplicaPointRecord } from '../data/records.ts'
import { type FilterCompiler, filterCompiler } from './compile-filter.ts'
import type { FieldTable } from './field-def.ts'
import { INCLUDE_FIELDS } from './include-fields.ts'
import { JOB_FIELDS } from './job-fields.ts'
import { POINT_FIELDS } from './point-fields.ts'
import type { QueryRecordOf, QuerySource, QueryType } from './query-source.ts'
import { REPLICA_FIELDS } from './replica-fields.ts'
import { SERVER_FIELDS } from './server-fields.ts'
import { SESSION_FIELDS } from './session-fields.ts'
import { type OrderCache, orderCache } from './sorted-order.ts'
import { TASK_FIELDS } from './task-fields.ts'

export interface QueryConfig<R> {
  fields: FieldTable<R>
  compile: FilterCompiler<R>
  /** Sort field without sortAsc/sortDesc (em-api.md §4.4). */
  defaultSort: string
  records: (source: QuerySource) => readonly R[]
  orders: OrderCache<R>
}

const NONE: readonly never[] = []

type QueryConfigs = { [T in QueryType]: QueryConfig<QueryRecordOf<T>> }

// Points that retention dropped are still in the array until compaction (point-book.ts): every query skips them,
// so an empty filter still compiles to a predicate.
function livePoints(compile: FilterCompiler<ReplicaPointRecord>): FilterCompiler<ReplicaPointRecord> {
  const alive = (point: ReplicaPointRecord) => !point.deleted
  return (filter, mode) => {
    const predicate = compile(filter, mode)
    return predicate === null ? alive : (point, source) => !point.deleted && predicate(point, source)
  }
}

/** Fields, filter compiler, default order and records of each query type. */
export const QUERY_CONFIGS: QueryConfigs = {
  ReplicaJobSession: {
    fields: SESSION_FIELDS,
    compile: filterCompiler(SESSION_FIELDS),
    defaultSort: 'CreationTime',
    records: (source) => source.sessions,
    orders: orderCache(),
  },
  ReplicaTaskSession: {
    fields: TASK_FIELDS,
    compile: filterCompiler(TASK_FIELDS),
    defaultSort: 'CreationTime',
    records: (source) => source.tasks,
    orders: orderCache(),
  },
  Job: {
    fields: JOB_FIELDS,
    compile: filterCompiler(JOB_FIELDS),
    defaultSort: 'Name',
    records: (source) => source.jobs,
    orders: orderCache(),
  },
  BackupServer: {
    fields: SERVER_FIELDS,
    compile: filterCompiler(SERVER_FIELDS),
    defaultSort: 'Name',
    records: (source) => source.servers,
    orders: orderCache(),
  },
  // Default orders are undocumented (§4.4): points by time like sessions, replicas and includes by name.
  VmReplicaPoint: {
    fields: POINT_FIELDS,
    compile: livePoints(filterCompiler(POINT_FIELDS)),
    defaultSort: 'CreationTime',
    records: (source) => source.points ?? NONE,
    orders: orderCache(),
  },
  Replica: {
    fields: REPLICA_FIELDS,
    compile: filterCompiler(REPLICA_FIELDS),
    defaultSort: 'Name',
    records: (source) => source.replicas ?? NONE,
    orders: orderCache(),
  },
  ObjectInJob: {
    fields: INCLUDE_FIELDS,
    compile: filterCompiler(INCLUDE_FIELDS),
    defaultSort: 'Name',
    records: (source) => source.includes ?? NONE,
    orders: orderCache(),
  },
}
