import { getBackupServer, getBackupServers } from './backup-servers.ts'
import { getJob, getJobs } from './jobs.ts'
import { postLogon } from './logon.ts'
import { deleteLogonSession, getLogonSession, getLogonSessions } from './logon-sessions.ts'
import { getQuery } from './query.ts'
import { getQuerySvc } from './query-svc.ts'
import { getReplicaSession, getReplicaSessions } from './replica-sessions.ts'
import { getRoot } from './root.ts'
import type { Route } from './route.ts'
import { getSessionTasks, getTaskSession, getTaskSessions } from './task-sessions.ts'

// Every path the emulator models (em-api.md §1 resources table); anything else is 404.
export const ROUTES: readonly Route[] = [
  { segments: [], auth: 'none', restoreAllowed: true, methods: { GET: getRoot } },
  { segments: ['sessionmngr'], auth: 'basic', restoreAllowed: true, methods: { POST: postLogon } },
  { segments: ['logonsessions'], auth: 'token', restoreAllowed: true, methods: { GET: getLogonSessions } },
  {
    segments: ['logonsessions', ':id'],
    auth: 'token',
    restoreAllowed: true,
    methods: { GET: getLogonSession, DELETE: deleteLogonSession },
  },
  { segments: ['query'], auth: 'token', restoreAllowed: false, methods: { GET: getQuery } },
  { segments: ['querysvc'], auth: 'token', restoreAllowed: false, methods: { GET: getQuerySvc } },
  {
    segments: ['replicasessions'],
    auth: 'token',
    restoreAllowed: false,
    methods: { GET: getReplicaSessions },
  },
  {
    segments: ['replicasessions', ':id'],
    auth: 'token',
    restoreAllowed: false,
    methods: { GET: getReplicaSession },
  },
  // Both spellings: the docs' Down links say `repicaTaskSessions` (em-api.md §6.1).
  {
    segments: ['replicasessions', ':id', 'replicatasksessions'],
    auth: 'token',
    restoreAllowed: false,
    methods: { GET: getSessionTasks },
  },
  {
    segments: ['replicasessions', ':id', 'repicatasksessions'],
    auth: 'token',
    restoreAllowed: false,
    methods: { GET: getSessionTasks },
  },
  {
    segments: ['replicatasksessions'],
    auth: 'token',
    restoreAllowed: false,
    methods: { GET: getTaskSessions },
  },
  {
    segments: ['replicatasksessions', ':id'],
    auth: 'token',
    restoreAllowed: false,
    methods: { GET: getTaskSession },
  },
  {
    segments: ['repicatasksessions', ':id'],
    auth: 'token',
    restoreAllowed: false,
    methods: { GET: getTaskSession },
  },
  { segments: ['backupservers'], auth: 'token', restoreAllowed: false, methods: { GET: getBackupServers } },
  {
    segments: ['backupservers', ':id'],
    auth: 'token',
    restoreAllowed: false,
    methods: { GET: getBackupServer },
  },
  { segments: ['jobs'], auth: 'token', restoreAllowed: false, methods: { GET: getJobs } },
  { segments: ['jobs', ':id'], auth: 'token', restoreAllowed: false, methods: { GET: getJob } },
]
