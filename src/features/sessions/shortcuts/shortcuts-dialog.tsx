import { useEffect, useRef, useState } from 'react'
import { useShortcut } from '@/lib/use-shortcut.ts'
import './shortcuts.css'

/** Every shortcut of the desk screens; none fires while typing in a field. */
export const SHORTCUTS: readonly { keys: readonly string[]; what: string }[] = [
  { keys: ['/'], what: 'Go to the filter bar (the advanced filter)' },
  { keys: ['j'], what: 'Next session in the list (on a session: open the next one)' },
  { keys: ['k'], what: 'Previous session in the list (on a session: open the previous one)' },
  { keys: ['↓', '↑'], what: 'Next / previous row, from a row' },
  { keys: ['Page Down', 'Page Up'], what: 'Ten rows down / up, from a row' },
  { keys: ['Enter'], what: 'Open the session of the focused row' },
  { keys: ['?'], what: 'Show this list' },
  { keys: ['Esc'], what: 'Close this list, a filter or a menu' },
]

/** The `?` dialog, and a button that opens it for those who do not guess `?`. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  useShortcut('?', () => setOpen(true))

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⌨</span> Shortcuts
      </button>
      <dialog
        ref={dialog}
        className="dialog shortcuts"
        aria-labelledby="shortcuts-title"
        onClose={() => setOpen(false)}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts__list">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.what} className="shortcuts__row">
              <dt>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ' / ' : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{shortcut.what}</dd>
            </div>
          ))}
        </dl>
        <p className="shortcuts__note">None of them fires while you type in a field.</p>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </dialog>
    </>
  )
}
