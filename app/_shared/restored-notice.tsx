/** Tells the person a draft kept in this tab was brought back, with a way to throw it away. */
export function RestoredNotice({ what, onDiscard }: { what: string; onDiscard: () => void }) {
  return (
    <p role="status" className="flex flex-wrap items-center gap-3 rounded border border-yellow bg-yellow-light px-3 py-2 text-sm text-yellow-dark">
      Your {what} was restored.
      <button type="button" className="underline" onClick={onDiscard}>
        Discard it
      </button>
    </p>
  );
}
