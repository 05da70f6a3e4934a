import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Names the panel in the fallback: "Timeline failed: …". */
  name: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Keeps one panel's failure (say, an event no view can handle) from unmounting the whole page: the
 * panel shows the error and a retry button, everything else keeps working. React only catches render
 * errors in class components (react.dev, "Catching rendering errors with an error boundary").
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Nothing is logged: an error message may quote event content, and the console is not the UI.
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert" data-testid="panel-error">
        <p>
          {this.props.name} failed: {error.message.slice(0, 300)}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
