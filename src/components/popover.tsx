import { type ReactNode, type RefObject, useEffect, useRef } from 'react'
import './popover.css'

export interface PopoverProps {
  /** The accessible name of the popover (a non-modal dialog). */
  label: string
  onClose: () => void
  /** The button that opened it: a click on it is not "outside", and Escape gives it the focus back. */
  triggerRef?: RefObject<HTMLElement | null>
  className?: string
  children: ReactNode
}

const FOCUSABLE = 'input:not([disabled]), select, textarea, button:not([disabled]), [href], [tabindex="0"]'

/**
 * A small non-modal dialog beside its trigger: it takes the focus when it opens, and closes on Escape or on a
 * click elsewhere. Where it sits is up to the caller's CSS (it is positioned against its nearest positioned box).
 */
export function Popover({ label, onClose, triggerRef, className, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null)
  // The latest handler without re-running the effect: re-running it would move the focus again.
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    const element = ref.current
    if (!element) return
    ;(element.querySelector<HTMLElement>(FOCUSABLE) ?? element).focus()
    function onPointerDown(event: PointerEvent) {
      if (!(event.target instanceof Node)) return
      if (element?.contains(event.target) || triggerRef?.current?.contains(event.target)) return
      close.current()
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return
      event.preventDefault()
      close.current()
      triggerRef?.current?.focus()
    }
    document.addEventListener('pointerdown', onPointerDown)
    element.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      element.removeEventListener('keydown', onKeyDown)
    }
  }, [triggerRef])

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      className={className ? `popover ${className}` : 'popover'}
    >
      {children}
    </div>
  )
}
