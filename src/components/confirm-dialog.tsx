import { type ReactNode, useEffect, useId, useRef } from 'react'
import './confirm-dialog.css'

export interface ConfirmDialogProps {
  open: boolean
  title: string
  /** What will happen, in full sentences: the dialog is the user's last look before acting. */
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A modal question with Cancel focused first: Enter or Space on open cancels, so only a deliberate move to the
 * confirm button acts. Escape cancels. A second click on confirm while the dialog closes is ignored.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const answered = useRef(false)
  const titleId = useId()
  const bodyId = useId()

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      answered.current = false
      element.showModal()
      cancel.current?.focus()
    }
    if (!open && element.open) element.close()
  }, [open])

  function answer(confirmed: boolean) {
    if (answered.current) return
    answered.current = true
    if (confirmed) onConfirm()
    else onCancel()
  }

  return (
    <dialog
      ref={dialog}
      className="dialog confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault()
        answer(false)
      }}
    >
      {open ? (
        <div className="confirm-dialog__inner">
          <h2 id={titleId}>{title}</h2>
          <div id={bodyId} className="confirm-dialog__body">
            {children}
          </div>
          <div className="confirm-dialog__buttons">
            <button ref={cancel} type="button" className="button" onClick={() => answer(false)}>
              Cancel
            </button>
            <button type="button" className="button button--primary" onClick={() => answer(true)}>
              {confirmLabel}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  )
}
