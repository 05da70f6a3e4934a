import { EventDetail } from '../features/event-detail/event-detail';
import { ConnectionPanel } from '../features/connection-panel/connection-panel';
import { BufferControls } from '../features/status-bar/buffer-controls';
import { StatusBar } from '../features/status-bar/status-bar';
import { SubscriptionsPanel } from '../features/subscriptions/subscriptions-panel';
import { Timeline } from '../features/timeline/timeline';

/**
 * The screen: connection across the top, subscriptions on the left, timeline and detail side by
 * side, counters at the bottom. Features never import each other; this is where they meet.
 */
export function AppLayout() {
  return (
    <div className="app-shell">
      <header className="app-header">
        <h1 className="app-title">DRP Event Inspector</h1>
        <ConnectionPanel />
      </header>
      <aside className="app-sidebar">
        <SubscriptionsPanel />
      </aside>
      <main className="app-main">
        <div className="timeline-pane">
          <div className="pane-toolbar">
            <BufferControls />
          </div>
          <Timeline />
        </div>
        <div className="detail-pane">
          <EventDetail />
        </div>
      </main>
      <footer className="app-footer">
        <StatusBar />
      </footer>
    </div>
  );
}
