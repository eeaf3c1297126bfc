import { Link, useRouter } from '@tanstack/react-router'
import { useRef, useState, useSyncExternalStore } from 'react'
import { Popover } from '@/components/popover.tsx'
import { getEmSession, subscribeEmSession } from '@/em/session-token.ts'
import { getWireFormat, setWireFormat, subscribeWireFormat, type WireFormat } from '@/em/wire-format.ts'
import { SignOutButton } from '@/features/auth/sign-out-button.tsx'
import { setThemePreference, type ThemePreference, useThemePreference } from '@/lib/preferences.ts'
import { PHONE_QUERY, useMediaQuery } from '@/lib/use-media-query.ts'

/** Title, navigation, display settings and the signed-in user; below 640 px the settings fold into a menu. */
export function AppHeader() {
  const phone = useMediaQuery(PHONE_QUERY)
  const [menuOpen, setMenuOpen] = useState(false)
  const menuButton = useRef<HTMLButtonElement>(null)

  return (
    <header className="app-header">
      <Link to="/sessions" className="app-header__title">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span className="app-header__title-text">Replica sessions</span>
      </Link>
      <nav className="app-header__nav" aria-label="Main">
        <Link to="/sessions">Sessions</Link>
        <Link to="/protection">Protection</Link>
      </nav>
      <span className="app-header__spacer" />
      {phone ? (
        <span className="app-header__menu">
          <button
            ref={menuButton}
            type="button"
            className="button app-header__menu-button"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(!menuOpen)}
          >
            <span aria-hidden="true">☰</span> Menu
          </button>
          {menuOpen ? (
            <Popover
              label="Menu"
              triggerRef={menuButton}
              className="app-header__popover"
              onClose={() => setMenuOpen(false)}
            >
              <HeaderSettings />
            </Popover>
          ) : null}
        </span>
      ) : (
        <HeaderSettings />
      )}
    </header>
  )
}

/** Theme, wire format, who is signed in, and sign-out. */
function HeaderSettings() {
  const session = useSyncExternalStore(subscribeEmSession, getEmSession, () => null)
  const format = useSyncExternalStore(subscribeWireFormat, getWireFormat, () => 'xml' as const)
  const theme = useThemePreference()
  const router = useRouter()

  function changeFormat(next: WireFormat) {
    setWireFormat(next)
    // Query keys carry the format: re-rendering the routes makes every screen ask EM again in the new format.
    void router.invalidate()
  }

  return (
    <div className="app-header__settings">
      <label className="field__label">
        Theme{' '}
        <select
          className="input"
          value={theme}
          onChange={(event) => setThemePreference(toTheme(event.target.value))}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label className="field__label" title="Format of EM's answers on the wire; the data is the same">
        EM format{' '}
        <select
          className="input"
          value={format}
          onChange={(event) => changeFormat(toFormat(event.target.value))}
        >
          <option value="xml">XML</option>
          <option value="json">JSON</option>
        </select>
      </label>
      {session ? <span className="app-header__user">{session.userName}</span> : null}
      <SignOutButton />
    </div>
  )
}

function toTheme(value: string): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system'
}

function toFormat(value: string): WireFormat {
  return value === 'json' ? 'json' : 'xml'
}
