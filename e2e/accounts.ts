// The accounts the e2e emulator knows (playwright.config.ts passes them as --users), one per EM role the journeys
// need (em-api.md §10). Names without a backslash: the list goes through a shell.
export const PORTAL_USER = { user: 'viewer', password: 'viewer-pw' }
export const RESTORE_OPERATOR = { user: 'restorer@corp.local', password: 'restorer-pw' }

export const EMULATOR_USERS = [
  'admin:admin',
  `${PORTAL_USER.user}:${PORTAL_USER.password}:portal-user`,
  `${RESTORE_OPERATOR.user}:${RESTORE_OPERATOR.password}:vm-restore-operator+file-restore-operator+app-restore-operator`,
].join(',')
