"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTabCounts } from "./tab-count";

export type SideTab = { id: string; label: string; count?: number; content: ReactNode };

/**
 * The reader's side column as tabs (Notes, Connections, Questions). Every panel stays
 * mounted, hidden when not chosen, so a note being written survives a look elsewhere.
 * Arrow keys move between tabs, as the ARIA tabs pattern has it.
 */
export function SideTabs({ tabs }: { tabs: SideTab[] }) {
  const [current, setCurrent] = useState(tabs[0]?.id);
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const live = useTabCounts();

  function onKeyDown(event: KeyboardEvent, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + tabs.length) % tabs.length;
    setCurrent(tabs[next].id);
    buttons.current[next]?.focus();
  }

  return (
    <div className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:w-96 lg:shrink-0 lg:self-start lg:overflow-y-auto">
      <div role="tablist" aria-label="Beside the text" className="mb-3 flex gap-1 border-b border-grey-3">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={current === tab.id}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={current === tab.id ? 0 : -1}
            onClick={() => setCurrent(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-focus ${
              current === tab.id ? "border-brand text-grey-9" : "border-transparent text-grey-7 hover:text-grey-9"
            }`}
          >
            {tab.label}
            {tab.count !== undefined && <span className="ml-1 text-grey-7">({live[tab.id] ?? tab.count})</span>}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={current !== tab.id}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
