// HTTP.sys writes .NET status names, without spaces (`400 BadRequest`, em-api.md §1 "Server header").
const PHRASES: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'NoContent',
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  408: 'RequestTimeout',
  409: 'Conflict',
  413: 'RequestEntityTooLarge',
  414: 'RequestUriTooLong',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  501: 'NotImplemented',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
}

/** The reason phrase EM sends with a status; unlisted codes fall back to a generic word without spaces. */
export function reasonPhrase(status: number): string {
  return PHRASES[status] ?? (status < 400 ? 'OK' : status < 500 ? 'BadRequest' : 'InternalServerError')
}
