import { densityPreference, usePreference } from '@/lib/preferences.ts'

/** Comfortable or compact rows, kept per browser. */
export function DensityToggle() {
  const density = usePreference(densityPreference)
  const compact = density === 'compact'
  return (
    <button
      type="button"
      className="button button--small"
      aria-pressed={compact}
      title="Shorter rows: more sessions on the screen"
      onClick={() => densityPreference.set(compact ? 'comfortable' : 'compact')}
    >
      Compact rows
    </button>
  )
}
