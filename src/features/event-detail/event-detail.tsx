import { useState } from 'react';
import { ErrorBoundary } from '../../components/error-boundary';
import { useEventReader, useInspectorStore } from '../../store/store-context';
import { DetailTabList, tabId, tabPanelId } from './detail-tab-list';
import { detailTabIdOf } from './detail-tab-props';
import { DETAIL_TABS } from './detail-tabs';
import { EventHeader } from './event-header';
import { LargePayloadGate } from './large-payload-gate';
import { useSelectedRecord } from './use-selected-record';
import { useVersionStepKeys } from './use-version-step';
import './event-detail.css';
// After the pane's own rules: History and Blame rows, the diff's options and layouts.
import './version-views.css';
import './diff-options.css';

/**
 * The selected event: header, then the Object / Diff / History / Blame / Raw tabs (DETAIL_TABS). The
 * open tab is the store's `view.detailTab` (History's Compare opens Diff; a link can open History).
 * `[` and `]` step through the selected object's versions. Secrets are masked in every tab (and in
 * what Copy takes) until the one "Mask secrets" toggle is cleared; that choice lasts while the page
 * is open, across selections, and is never stored.
 */
export function EventDetail() {
  const events = useEventReader();
  const { selectedSeq, record } = useSelectedRecord();
  const activeTab = detailTabIdOf(useInspectorStore((state) => state.view.detailTab));
  const setView = useInspectorStore((state) => state.actions.setView);
  const compareBaseSeq = useInspectorStore((state) => state.view.compareBaseSeq);
  useVersionStepKeys();
  const [masked, setMasked] = useState(true);

  if (selectedSeq === 0) {
    return (
      <section className="pane-column event-detail event-detail--empty" aria-label="Event detail">
        <p>Select an event in the timeline.</p>
      </section>
    );
  }
  if (!record && events.reading(selectedSeq)) {
    return (
      <section className="pane-column event-detail event-detail--empty" aria-label="Event detail" aria-busy="true">
        <p data-testid="detail-reading">Reading event #{selectedSeq} from disk…</p>
      </section>
    );
  }
  if (!record) {
    return (
      <section className="pane-column event-detail event-detail--empty" aria-label="Event detail">
        <p data-testid="detail-evicted">Event #{selectedSeq} is no longer in the buffer (evicted or cleared).</p>
      </section>
    );
  }

  const tab = DETAIL_TABS.find((candidate) => candidate.id === activeTab) ?? DETAIL_TABS[0];
  const tabProps = { seq: selectedSeq, record, masked, compareBaseSeq };
  const { largePayload } = tab;
  return (
    <section className="pane-column event-detail" aria-label="Event detail" data-seq={selectedSeq}>
      <div className="detail-top">
        <EventHeader record={record} />
        <label className="checkbox detail-top__mask">
          <input type="checkbox" checked={masked} onChange={(event) => setMasked(event.target.checked)} />
          Mask secrets
        </label>
      </div>
      <DetailTabList tabs={DETAIL_TABS} active={tab.id} onActivate={(id) => setView({ detailTab: id })} />
      <div className="detail-tabpanel" role="tabpanel" id={tabPanelId(tab.id)} aria-labelledby={tabId(tab.id)} tabIndex={0}>
        {/* Keyed by event and tab: selecting another event or tab starts from a clean slate. */}
        <ErrorBoundary key={`${selectedSeq}:${tab.id}`} name={`The ${tab.label} view of this event`}>
          <LargePayloadGate bytes={largePayload.payloadChars(tabProps, events)} subject={largePayload.subject} action={largePayload.action}>
            {tab.render(tabProps)}
          </LargePayloadGate>
        </ErrorBoundary>
      </div>
    </section>
  );
}
