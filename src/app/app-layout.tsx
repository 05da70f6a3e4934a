import { useRef } from 'react';
import type { CSSProperties } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import { EventDetail } from '../features/event-detail/event-detail';
import { Objects } from '../features/objects/objects';
import { Captures } from '../features/captures/captures';
import { ConnectionPanel } from '../features/connection-panel/connection-panel';
import { StatusBar } from '../features/status-bar/status-bar';
import { SubscriptionsPanel } from '../features/subscriptions/subscriptions-panel';
import { BufferControls } from '../features/timeline/buffer-controls';
import { Timeline } from '../features/timeline/timeline';
import { PaneSeparator } from './pane-separator';
import { SidePanelToggle } from './side-panel-toggle';
import { useElementWidth } from './use-element-width';
import { useInspectorStore } from '../store/store-context';
import { ViewModeToggle } from './view-mode-toggle';
import { useStoredNumber } from './use-stored-number';
import './app-layout.css';

const SIDEBAR_ID = 'app-sidebar';
/** Layout choices kept across reloads (never anything the user typed). */
const DETAIL_WIDTH_KEY = 'drp-inspector.detail-width';
const SIDEBAR_COLLAPSED_KEY = 'drp-inspector.sidebar-collapsed';
/** The detail pane stays readable (its header needs about this much), and so do the timeline's six columns. */
const MIN_DETAIL_PX = 280;
const MIN_TIMELINE_PX = 420;
const SEPARATOR_PX = 6;
/** Until the user drags: the detail pane's share of the main area. */
const DEFAULT_DETAIL_SHARE = 0.38;

/** The detail pane's width and its bounds for a main area `mainWidth` wide. */
function detailBounds(mainWidth: number, stored: number | null): { width: number; min: number; max: number } {
  const max = Math.max(MIN_DETAIL_PX, mainWidth - SEPARATOR_PX - MIN_TIMELINE_PX);
  const wanted = stored ?? Math.round(mainWidth * DEFAULT_DETAIL_SHARE);
  return { width: Math.min(max, Math.max(MIN_DETAIL_PX, wanted)), min: MIN_DETAIL_PX, max };
}

/**
 * The screen: connection across the top, subscriptions on the left, timeline and detail side by
 * side, counters at the bottom. Features never import each other; this is where they meet. Each
 * sits in its own error boundary, so one panel failing on hostile input leaves the others running.
 * The side panel folds away and the detail pane is resized by the separator, so the screen works
 * from 1024×700 up; both choices are remembered.
 */
export function AppLayout() {
  const mainRef = useRef<HTMLElement>(null);
  const mainWidth = useElementWidth(mainRef);
  const [storedWidth, storeWidth] = useStoredNumber(DETAIL_WIDTH_KEY);
  const [sidebarCollapsed, storeSidebarCollapsed] = useStoredNumber(SIDEBAR_COLLAPSED_KEY);
  const sidebarOpen = sidebarCollapsed !== 1;
  const detail = detailBounds(mainWidth, storedWidth);
  const mainStyle = { '--detail-width': `${detail.width}px` } as CSSProperties;
  const mode = useInspectorStore((state) => state.view.mode);

  return (
    <div className={`app-shell${sidebarOpen ? '' : ' app-shell--sidebar-collapsed'}`}>
      <header className="app-header">
        <h1 className="app-title">DRP Event Inspector</h1>
        <ErrorBoundary name="Connection panel">
          <ConnectionPanel />
        </ErrorBoundary>
        <ErrorBoundary name="Captures">
          <Captures />
        </ErrorBoundary>
      </header>
      <aside className="app-sidebar" id={SIDEBAR_ID} hidden={!sidebarOpen}>
        <ErrorBoundary name="Subscriptions">
          <SubscriptionsPanel />
        </ErrorBoundary>
      </aside>
      <main className="app-main" ref={mainRef} style={mainStyle}>
        <div className="timeline-pane">
          <div className="pane-toolbar">
            <SidePanelToggle controls={SIDEBAR_ID} expanded={sidebarOpen} onToggle={() => storeSidebarCollapsed(sidebarOpen ? 1 : 0)} />
            <ViewModeToggle />
            <ErrorBoundary name="Buffer controls">
              <BufferControls />
            </ErrorBoundary>
          </div>
          {/* One view at a time: a hidden timeline would still follow a flood 10 times a second. */}
          {mode === 'objects' ? (
            <ErrorBoundary name="Objects">
              <Objects />
            </ErrorBoundary>
          ) : (
            <ErrorBoundary name="Timeline">
              <Timeline />
            </ErrorBoundary>
          )}
        </div>
        <PaneSeparator label="Resize event detail" value={detail.width} min={detail.min} max={detail.max} onResize={storeWidth} />
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
