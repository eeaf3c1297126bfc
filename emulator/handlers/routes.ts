import { postBackupServerAction, postJobAction } from './actions.ts'
import { getBackupServer, getBackupServers } from './backup-servers.ts'
import { getInclude, getIncludes } from './includes.ts'
import { getJob, getJobs } from './jobs.ts'
import { postLogon } from './logon.ts'
import { deleteLogonSession, getLogonSession, getLogonSessions } from './logon-sessions.ts'
import { getQuery } from './query.ts'
import { getQuerySvc } from './query-svc.ts'
import { getPoint, getPoints } from './replica-points.ts'
import { getReplicaSession, getReplicaSessions } from './replica-sessions.ts'
import { getReplica, getReplicaPoints, getReplicas } from './replicas.ts'
import { getRoot } from './root.ts'
import type { Route } from './route.ts'
import { getSessionTasks, getTaskSession, getTaskSessions } from './task-sessions.ts'
import { deleteTask, getTask, getTasks } from './tasks.ts'

// Every path the emulator models (em-api.md §1 resources table); anything else is 404. `operation` is the row of
// the role table (§10) a call counts as; `/query` checks its `type` in the handler instead.
export const ROUTES: readonly Route[] = [
  { segments: [], auth: 'none', operation: 'anyone', methods: { GET: getRoot } },
  { segments: ['sessionmngr'], auth: 'basic', operation: 'anyone', methods: { POST: postLogon } },
  { segments: ['logonsessions'], auth: 'token', operation: 'anyone', methods: { GET: getLogonSessions } },
  {
    segments: ['logonsessions', ':id'],
    auth: 'token',
    operation: 'anyone',
    methods: { GET: getLogonSession, DELETE: deleteLogonSession },
  },
  { segments: ['query'], auth: 'token', operation: 'anyone', methods: { GET: getQuery } },
  { segments: ['querysvc'], auth: 'token', operation: 'replicaSessions', methods: { GET: getQuerySvc } },
  {
    segments: ['replicasessions'],
    auth: 'token',
    operation: 'replicaSessions',
    methods: { GET: getReplicaSessions },
  },
  {
    segments: ['replicasessions', ':id'],
    auth: 'token',
    operation: 'replicaSessions',
    methods: { GET: getReplicaSession },
  },
  // Both spellings: the docs' Down links say `repicaTaskSessions` (em-api.md §6.1).
  {
    segments: ['replicasessions', ':id', 'replicatasksessions'],
    auth: 'token',
    operation: 'replicaSessions',
    methods: { GET: getSessionTasks },
  },
  {
    segments: ['replicasessions', ':id', 'repicatasksessions'],
    auth: 'token',
    operation: 'replicaSessions',
    methods: { GET: getSessionTasks },
  },
  {
    segments: ['replicatasksessions'],
    auth: 'token',
    operation: 'replicaSessions',
    methods: { GET: getTaskSessions },
  },
  {
    segments: ['replicatasksessions', ':id'],
    auth: 'token',
    operation: 'replicaSessions',
    methods: { GET: getTaskSession },
  },
  {
    segments: ['repicatasksessions', ':id'],
    auth: 'token',
    operation: 'replicaSessions',
    methods: { GET: getTaskSession },
  },
  {
    segments: ['backupservers'],
    auth: 'token',
    operation: 'backupServers',
    methods: { GET: getBackupServers },
  },
  {
    segments: ['backupservers', ':id'],
    auth: 'token',
    operation: 'backupServers',
    operations: { POST: 'collect' },
    methods: { GET: getBackupServer, POST: postBackupServerAction },
  },
  { segments: ['jobs'], auth: 'token', operation: 'jobs', methods: { GET: getJobs } },
  {
    segments: ['jobs', ':id'],
    auth: 'token',
    operation: 'jobs',
    methods: { GET: getJob, POST: postJobAction },
  },
  // Includes belong to the job: Portal Administrator only (em-api.md §10, §12).
  {
    segments: ['jobs', ':id', 'includes'],
    auth: 'token',
    operation: 'jobs',
    methods: { GET: getIncludes },
  },
  {
    segments: ['jobs', ':id', 'includes', ':id'],
    auth: 'token',
    operation: 'jobs',
    methods: { GET: getInclude },
  },
  { segments: ['replicas'], auth: 'token', operation: 'replicas', methods: { GET: getReplicas } },
  { segments: ['replicas', ':id'], auth: 'token', operation: 'replicas', methods: { GET: getReplica } },
  // The replica's Down link (§11.1): reading its points counts as the points' row of the role table.
  {
    segments: ['replicas', ':id', 'vmreplicapoints'],
    auth: 'token',
    operation: 'vmReplicaPoints',
    methods: { GET: getReplicaPoints },
  },
  {
    segments: ['vmreplicapoints'],
    auth: 'token',
    operation: 'vmReplicaPoints',
    methods: { GET: getPoints },
  },
  {
    segments: ['vmreplicapoints', ':id'],
    auth: 'token',
    operation: 'vmReplicaPoints',
    methods: { GET: getPoint },
  },
  // Job and server actions answer with tasks of the caller's logon session (em-api.md §13.2).
  { segments: ['tasks'], auth: 'token', operation: 'tasks', methods: { GET: getTasks } },
  {
    segments: ['tasks', ':id'],
    auth: 'token',
    operation: 'tasks',
    methods: { GET: getTask, DELETE: deleteTask },
  },
]
