import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { DetailTab } from './detail-tabs';
import type { DetailTabId } from './detail-tab-props';

interface DetailTabListProps {
  tabs: readonly DetailTab[];
  active: DetailTabId;
  onActivate: (id: DetailTabId) => void;
}

export const tabId = (id: DetailTabId): string => `detail-tab-${id}`;
export const tabPanelId = (id: DetailTabId): string => `detail-tabpanel-${id}`;

/** WAI-ARIA tabs: one tab stop, Left/Right/Home/End move between tabs and activate them. */
export function DetailTabList({ tabs, active, onActivate }: DetailTabListProps) {
  const buttons = useRef(new Map<DetailTabId, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = tabs.findIndex((tab) => tab.id === active);
    let next: number;
    if (event.key === 'ArrowRight') next = (current + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const id = tabs[next].id;
    onActivate(id);
    buttons.current.get(id)?.focus();
  };

  return (
    <div className="detail-tabs" role="tablist" aria-label="Event views" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(node) => {
            if (node) buttons.current.set(tab.id, node);
            else buttons.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={tab.id === active}
          aria-controls={tabPanelId(tab.id)}
          tabIndex={tab.id === active ? 0 : -1}
          className="detail-tabs__tab"
          onClick={() => onActivate(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
