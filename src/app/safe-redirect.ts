/** Only a same-origin path may be a post-sign-in target: no scheme, no `//host`, no backslash tricks. */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.includes('\\')) return '/sessions'
  if (target.startsWith('/sign-in')) return '/sessions'
  return target
}
