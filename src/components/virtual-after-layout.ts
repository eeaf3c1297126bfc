// The virtual tables without a forced layout in React's commit. On a first 1,000-row render TanStack Virtual, as
// it subscribes in its layout effect, reads the scroller's clientWidth/clientHeight and then writes its scroll
// position (scrollTo, even to 0): either one makes the browser lay the whole page out synchronously, in the same
// task as the render (35–40 ms of a 260 ms task in the Chrome profile of issue 18), and the frame lays it out
// again. Here the size comes from a ResizeObserver, after the browser's own layout, with the window as the
// estimate until then (a few rows too many at worst), and that first write waits for the next frame.
import { elementScroll, observeElementRect, type Rect, type Virtualizer } from '@tanstack/react-virtual'

/** `observeElementRect` for useVirtualizer: reports the scroller's client box from a ResizeObserver only. */
export function observeRectAfterLayout<S extends Element, I extends Element>(
  instance: Virtualizer<S, I>,
  onRect: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement
  const Observer = instance.targetWindow?.ResizeObserver
  // No ResizeObserver (jsdom, very old browsers): the library's own, which reads the size at once.
  if (!element || !Observer) return observeElementRect(instance, onRect)
  const observer = new Observer(() => {
    // Read in the observer's callback, after layout: the client box, as the library's own observer reads it.
    onRect({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) })
  })
  observer.observe(element, { box: 'content-box' })
  return () => observer.disconnect()
}

/** The size to lay the first rows out for, until the observer reports: the window, which holds the scroller. */
export function windowRect(): Rect {
  return { width: window.innerWidth, height: window.innerHeight }
}

const subscribed = new WeakSet<object>()

/**
 * `scrollToFn` for useVirtualizer: the library's element scroll, except that the write it makes while subscribing
 * (the initial or restored offset) happens in the next animation frame, before that frame's layout and paint.
 */
export function scrollAfterFirstLayout<S extends Element, I extends Element>(
  offset: number,
  options: Parameters<typeof elementScroll>[1],
  instance: Virtualizer<S, I>,
): void {
  const win = instance.targetWindow
  // Without animation frames (jsdom) there is no frame to wait for.
  if (subscribed.has(instance) || typeof win?.requestAnimationFrame !== 'function') {
    elementScroll(offset, options, instance)
    return
  }
  subscribed.add(instance)
  // A scroller the virtualizer has just subscribed to is new, so it is at the top: writing 0 would change nothing
  // but still make the browser lay the page out in that frame's animation callback, before its own layout (the
  // longest task of the explorer's and the protection view's first load in issue 18's traces).
  if (offset === 0) return
  win.requestAnimationFrame(() => elementScroll(offset, options, instance))
}

/** The options above together, spread into useVirtualizer's: no forced layout in the render's task. */
export function withoutForcedLayout() {
  return {
    initialRect: windowRect(),
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterFirstLayout,
  }
}
