// POSIX shell quoting for commands the app offers to copy: inside single quotes nothing is special but the single
// quote itself, which closes the quotes, is written escaped, and opens them again ('\'').

/** `value` as one word for any POSIX shell (sh, bash, zsh, dash), whatever it contains. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`
}
