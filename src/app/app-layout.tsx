import { ErrorBoundary } from '../components/error-boundary';
import { EventDetail } from '../features/event-detail/event-detail';
import { ConnectionPanel } from '../features/connection-panel/connection-panel';
import { StatusBar } from '../features/status-bar/status-bar';
import { SubscriptionsPanel } from '../features/subscriptions/subscriptions-panel';
import { BufferControls } from '../features/timeline/buffer-controls';
import { Timeline } from '../features/timeline/timeline';

/**
 * The screen: connection across the top, subscriptions on the left, timeline and detail side by
 * side, counters at the bottom. Features never import each other; this is where they meet. Each
 * sits in its own error boundary, so one panel failing on hostile input leaves the others running.
 */
export function AppLayout() {
  return (
    <div className="app-shell">
      <header className="app-header">
        <h1 className="app-title">DRP Event Inspector</h1>
        <ErrorBoundary name="Connection panel">
          <ConnectionPanel />
        </ErrorBoundary>
      </header>
      <aside className="app-sidebar">
        <ErrorBoundary name="Subscriptions">
          <SubscriptionsPanel />
        </ErrorBoundary>
      </aside>
      <main className="app-main">
        <div className="timeline-pane">
          <div className="pane-toolbar">
            <ErrorBoundary name="Buffer controls">
              <BufferControls />
            </ErrorBoundary>
          </div>
          <ErrorBoundary name="Timeline">
            <Timeline />
          </ErrorBoundary>
        </div>
        <div className="detail-pane">
          <ErrorBoundary name="Event detail">
            <EventDetail />
          </ErrorBoundary>
        </div>
      </main>
      <footer className="app-footer">
        <ErrorBoundary name="Status bar">
          <StatusBar />
        </ErrorBoundary>
      </footer>
    </div>
  );
}
