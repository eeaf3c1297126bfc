// Single-key shortcuts (`/`, `j`, `k`, `?`) must never take a key meant as text.

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'])

/** Whether a key event comes from a place where keys are text: a text field, a select or an editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type)
}

/** A single-key shortcut may fire: nothing handled the key yet, no modifier but Shift, and nobody is typing. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  return !(
    event.defaultPrevented ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    isTypingTarget(event.target)
  )
}
