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
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  const [focused, setFocused] = useState(false)
  const [showProblem, setShowProblem] = useState(false)
  if (!focused && value !== seen) {
    setSeen(value)
    setDraft(value)
    setShowProblem(false)
  }
  const current = problem?.(draft) ?? null

  function commit(text: string) {
    if (problem?.(text)) {
      setShowProblem(true)
      return
    }
    if (text !== value) onCommit(text)
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new draft restarts the pause; commit reads the latest props.
  useEffect(() => {
    if (!focused || draft === value) return
    const timer = setTimeout(() => commit(draft), delayMs)
    return () => clearTimeout(timer)
  }, [draft])

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
          setDraft(event.target.value)
          setShowProblem(false)
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false)
          commit(draft)
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
