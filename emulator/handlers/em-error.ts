/** A failure that becomes an EM Error body with this status (em-api.md §8); thrown anywhere below `handle()`. */
export class EmError extends Error {
  readonly status: number
  readonly headers: Record<string, string>

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'EmError'
    this.status = status
    this.headers = headers
  }
}

// Exact header text of EM's 401 (em-api.md §3, §8).
export const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'Basic Realm=RestSvc' }

export function unauthorized(message: string): EmError {
  return new EmError(401, message, WWW_AUTHENTICATE)
}

export function badRequest(message: string): EmError {
  return new EmError(400, message)
}

export function notFound(message: string): EmError {
  return new EmError(404, message)
}
