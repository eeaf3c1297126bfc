import { Component, type ReactNode } from 'react'

export interface ErrorBoundaryProps {
  /** What to show instead of the children once they threw; `reset` renders them again. */
  fallback: (error: unknown, reset: () => void) => ReactNode
  children: ReactNode
}

interface ErrorBoundaryState {
  failed: boolean
  error: unknown
}

/** Keeps a render error inside one part of a page (a card), so the rest stays usable (STYLE §3.7). */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, error: null }

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failed: true, error }
  }

  reset = () => {
    this.setState({ failed: false, error: null })
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.reset) : this.props.children
  }
}
