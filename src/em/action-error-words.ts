// Words for a refused or failed action (em-api.md §13, §16): who refused it (EM or the dashboard's proxy) and, for
// EM's 403, which role may act (§10), with EM's own message word for word.
import { describeEmError, type ErrorWords } from './describe-error.ts'
import type { EmActionVerb } from './em-action.ts'
import { rolesInWords } from './em-roles.ts'
import { EmHttpError } from './errors.ts'

const WHO_MAY: Record<EmActionVerb, { what: string; roles: readonly string[] }> = {
  start: { what: 'start, stop or retry jobs', roles: ['Portal Administrator'] },
  stop: { what: 'start, stop or retry jobs', roles: ['Portal Administrator'] },
  retry: { what: 'start, stop or retry jobs', roles: ['Portal Administrator'] },
  collect: { what: 'collect data from backup servers', roles: ['Portal User', 'Portal Administrator'] },
}

/** The role sentence for an action EM refused this account: "… may not start, stop or retry jobs; that needs …". */
export function roleRefusalWords(verb: EmActionVerb): string {
  const need = WHO_MAY[verb]
  return `This account's Enterprise Manager role may not ${need.what}; that needs ${rolesInWords(need.roles)}.`
}

/** Title and detail for an error of an action's POST or of following its task. */
export function describeActionError(error: unknown, verb: EmActionVerb): ErrorWords {
  if (error instanceof EmHttpError && error.proxyMessage !== null && error.status !== 401) {
    const title =
      error.status === 429 ? 'Not yet: the dashboard limits this' : 'The dashboard did not send it'
    return { title, detail: error.proxyMessage }
  }
  if (error instanceof EmHttpError && error.status === 403) {
    const said = error.emMessage ? ` Enterprise Manager said: “${error.emMessage}”` : ''
    return { title: 'Not allowed', detail: `${roleRefusalWords(verb)}${said}` }
  }
  if (error instanceof EmHttpError && error.status >= 400 && error.status < 500 && error.status !== 401) {
    return {
      title: `Enterprise Manager refused (${error.status})`,
      detail: error.emMessage ?? 'It gave no reason.',
    }
  }
  return describeEmError(error, 'The action failed')
}
