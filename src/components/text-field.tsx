import { type InputHTMLAttributes, type ReactNode, useEffect, useId, useState } from 'react'

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'id'> {
  label: string
  /** The committed value (e.g. from the URL). */
  value: string
  /** Called with the text after a pause in typing, on Enter and on leaving the field; never with a problem. */
  onCommit: (text: string) => void
  /** What is wrong with a text, or null when it may be committed. */
  problem?: (text: string) => ReactNode | null
  hint?: ReactNode
  delayMs?: number
}

/**
 * A labelled text input that commits debounced (not on every keystroke). While focused it never takes over an
 * outside change of `value`, so a commit that comes back normalised (trimmed, canonical) cannot eat a keystroke.
 */
export function TextField({
  label,
  value,
  onCommit,
  problem,
  hint,
  delayMs = 400,
  className,
  ...inputProps
}: TextFieldProps) {
  const id = useId()
  // An edit is the text typed over `value` since `from` was the committed value. It lives while the field is
  // focused (a commit that comes back normalised cannot eat a keystroke) and, after that, until `value` moves on.
  const [edit, setEdit] = useState<{ text: string; from: string } | null>(null)
  const [focused, setFocused] = useState(false)
  const [showProblem, setShowProblem] = useState(false)
  const live = edit !== null && (focused || edit.from === value) ? edit : null
  const draft = live?.text ?? value
  const current = live ? (problem?.(draft) ?? null) : null

  /** Commits a text; false when it has a problem (shown instead). */
  function commit(text: string): boolean {
    if (problem?.(text)) {
      setShowProblem(true)
      return false
    }
    if (text !== value) onCommit(text)
    return true
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new draft restarts the pause and leaving ends it (the blur commits); commit reads the latest props.
  useEffect(() => {
    if (!focused || live === null || draft === value) return
    const timer = setTimeout(() => commit(draft), delayMs)
    return () => clearTimeout(timer)
  }, [draft, focused])

  const problemId = `${id}-problem`
  const hintId = `${id}-hint`
  const describedBy = [showProblem && current ? problemId : null, hint ? hintId : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        {...inputProps}
        id={id}
        className={className ? `input ${className}` : 'input'}
        value={draft}
        aria-invalid={showProblem && current ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          setEdit({ text: event.target.value, from: live?.from ?? value })
          setShowProblem(false)
        }}
        onFocus={() => {
          // An edit the value has since moved past stays gone.
          if (live === null) setEdit(null)
          setFocused(true)
        }}
        onBlur={() => {
          setFocused(false)
          // Committed, the text stays until the value it was typed over changes (its commit arriving).
          if (live !== null && commit(draft)) setEdit({ text: draft, from: value })
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(draft)
        }}
      />
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {showProblem && current ? (
        <span className="field__error" id={problemId}>
          {current}
        </span>
      ) : null}
    </div>
  )
}
