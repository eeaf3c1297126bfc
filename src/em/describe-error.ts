// Words for every error the client layer throws, written once: screens add only what is theirs (which part failed,
// the wall's key), so the same EM answer reads the same in the explorer, the detail view and on the wall.
import { roleNeedOf, rolesInWords } from './em-roles.ts'
import { EmHttpError, EmLinkError, EmParseError, EmUnreachableError } from './errors.ts'

export interface ErrorWords {
  /** A short sentence for a heading or banner. */
  title: string
  /** What EM said, or what went wrong, in plain words; never a stack trace. */
  detail: string
}

// A 403 is EM refusing the account's role (em-api.md §10, §16); name the roles the table gives for this read.
function refusalWords(path: string): string {
  const need = roleNeedOf(path)
  if (need === null) return "This account's Enterprise Manager role does not allow this request."
  return `This account's Enterprise Manager role may not read ${need.what}; that needs ${rolesInWords(need.roles)}.`
}

function httpWords(error: EmHttpError): ErrorWords {
  switch (error.status) {
    case 400:
      return { title: 'Enterprise Manager rejected the query', detail: error.emMessage ?? error.message }
    case 401:
      return { title: 'Signed out of Enterprise Manager', detail: 'Sign in again to continue.' }
    case 403:
      return { title: 'Not allowed', detail: refusalWords(error.path) }
    case 404:
      return {
        title: 'Not found',
        detail: 'Enterprise Manager does not know this item (it may have aged out of its history).',
      }
    default:
      return {
        title: `Enterprise Manager answered ${error.status}`,
        detail: error.emMessage ?? error.message,
      }
  }
}

// The proxy's refusals name their own cause (wrong kiosk key, not on the allowlist, a path it will not forward,
// the kiosk account refused): that beats any guess from the status. A 401 keeps its meaning: sign in again.
function proxyWords(error: EmHttpError, message: string): ErrorWords {
  if (error.status === 403) return { title: 'Not allowed', detail: message }
  if (error.status === 400 || error.status === 405)
    return { title: 'The dashboard refused the request', detail: message }
  return { title: `The dashboard's proxy answered ${error.status}`, detail: message }
}

/** The title and detail for any error; `fallbackTitle` names what failed when the error is not EM's. */
export function describeEmError(error: unknown, fallbackTitle = 'Something went wrong'): ErrorWords {
  if (error instanceof EmUnreachableError)
    return { title: 'Enterprise Manager is unreachable', detail: error.message }
  if (error instanceof EmHttpError) {
    if (error.proxyMessage !== null && error.status !== 401) return proxyWords(error, error.proxyMessage)
    return httpWords(error)
  }
  if (error instanceof EmParseError)
    return { title: 'Enterprise Manager sent something unreadable', detail: error.message }
  if (error instanceof EmLinkError) return { title: 'A link was not followed', detail: error.message }
  return { title: fallbackTitle, detail: error instanceof Error ? error.message : String(error) }
}
