// Intl formatters made on first use, not when their module loads. A page's first formatter loads the locale's
// data (15-45 ms on the main thread); made at module load, it landed in the task that evaluates a route's code
// while a worker was still loading that data for the page (src/app/intl-warm-up.ts), and that task crossed 50 ms.

/** A date formatter made the first time it is asked for, with the browser's locale. */
export function lazyDateFormat(
  options: Intl.DateTimeFormatOptions,
  make: (options: Intl.DateTimeFormatOptions) => Intl.DateTimeFormat = (o) =>
    new Intl.DateTimeFormat(undefined, o),
): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined
  return () => {
    made ??= make(options)
    return made
  }
}
