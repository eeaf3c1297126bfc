import { type FilterCompiler, filterCompiler } from './compile-filter.ts'
import type { FieldTable } from './field-def.ts'
import { JOB_FIELDS } from './job-fields.ts'
import type { QueryRecordOf, QuerySource, QueryType } from './query-source.ts'
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

type QueryConfigs = { [T in QueryType]: QueryConfig<QueryRecordOf<T>> }

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
}
