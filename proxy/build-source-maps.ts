// Source maps hand anyone the app's full source with comments; production builds leave them out unless an
// operator asks (BUILD_SOURCEMAPS=1), e.g. to debug a build that only misbehaves in production.

/** Whether `vite build` writes source maps: only with BUILD_SOURCEMAPS=1. */
export function sourceMapsWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  return (env.BUILD_SOURCEMAPS ?? '').trim() === '1'
}
