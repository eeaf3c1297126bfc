// @vitest-environment jsdom
// The virtual tables must not make the browser lay the page out while the virtualizer subscribes (a size read or a
// scroll write there is a forced layout inside React's commit), and must still get the real size and the initial
// scroll position before the frame paints.
import { elementScroll, observeElementOffset, Virtualizer } from '@tanstack/react-virtual'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { observeRectAfterLayout, scrollAfterFirstLayout } from './virtual-after-layout.ts'

let reads = 0
let height = 720
const notify: (() => void)[] = []
const frames: FrameRequestCallback[] = []

class FakeResizeObserver {
  readonly callback: () => void
  constructor(callback: () => void) {
    this.callback = callback
  }
  observe() {
    notify.push(() => this.callback())
  }
  unobserve() {}
  disconnect() {
    notify.length = 0
  }
}

function scroller(): HTMLDivElement {
  const element = document.createElement('div')
  for (const [name, value] of [
    ['clientHeight', () => height],
    ['clientWidth', () => 1200],
  ] as const) {
    Object.defineProperty(element, name, {
      get: () => {
        reads += 1
        return value()
      },
    })
  }
  element.scrollTo = vi.fn()
  document.body.append(element)
  return element
}

function virtualizerFor(
  element: HTMLDivElement,
  scrollToFn = elementScroll<HTMLDivElement>,
  initialOffset = 720,
) {
  return new Virtualizer<HTMLDivElement, Element>({
    count: 1000,
    getScrollElement: () => element,
    estimateSize: () => 36,
    overscan: 0,
    initialRect: { width: 1200, height: 360 },
    initialOffset,
    scrollToFn,
    observeElementOffset,
    observeElementRect: observeRectAfterLayout,
  })
}

beforeEach(() => {
  reads = 0
  height = 720
  notify.length = 0
  frames.length = 0
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback))
})
afterEach(() => {
  vi.restoreAllMocks()
  Reflect.deleteProperty(window, 'ResizeObserver')
  document.body.replaceChildren()
})

describe('observeRectAfterLayout', () => {
  it('reads no size when it subscribes, then gives the virtualizer the size the observer reports', () => {
    Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: FakeResizeObserver })
    const virtualizer = virtualizerFor(scroller())
    virtualizer._willUpdate()
    expect(reads).toBe(0)
    // Until the observer reports: the estimate, 360 px = 10 rows of 36, from the initial offset (row 20).
    expect(virtualizer.getVirtualItems().map((item) => item.index)).toEqual(
      Array.from({ length: 10 }, (_, i) => 20 + i),
    )
    for (const report of notify) report()
    expect(virtualizer.getVirtualItems()).toHaveLength(20)
    height = 1080
    for (const report of notify) report()
    expect(virtualizer.getVirtualItems()).toHaveLength(30)
  })

  it('falls back to the library observer, which reads at once, where there is no ResizeObserver', () => {
    const virtualizer = virtualizerFor(scroller())
    virtualizer._willUpdate()
    expect(reads).toBeGreaterThan(0)
    expect(virtualizer.getVirtualItems()).toHaveLength(20)
  })
})

describe('scrollAfterFirstLayout', () => {
  it('writes the initial offset in the next frame, not while subscribing; later writes at once', () => {
    Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: FakeResizeObserver })
    const element = scroller()
    const virtualizer = virtualizerFor(element, scrollAfterFirstLayout)
    virtualizer._willUpdate()
    expect(element.scrollTo).not.toHaveBeenCalled()
    for (const frame of frames.splice(0)) frame(0)
    expect(element.scrollTo).toHaveBeenCalledWith({ top: 720, behavior: undefined })
    virtualizer.scrollToOffset(0)
    expect(element.scrollTo).toHaveBeenLastCalledWith({ top: 0, behavior: 'auto' })
  })

  it('writes nothing for a new scroller at the top, not even in a frame; later writes at once', () => {
    Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: FakeResizeObserver })
    const element = scroller()
    const virtualizer = virtualizerFor(element, scrollAfterFirstLayout, 0)
    virtualizer._willUpdate()
    expect(frames).toHaveLength(0)
    expect(element.scrollTo).not.toHaveBeenCalled()
    // jsdom lays nothing out, so the library clamps every offset to 0: what counts is that the write happens.
    virtualizer.scrollToOffset(360)
    expect(element.scrollTo).toHaveBeenCalledWith({ top: 0, behavior: 'auto' })
  })
})
