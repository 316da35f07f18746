"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * Keeps the keyboard in a list of suggestions when one is decided and leaves it: focus
 * goes to the Confirm button of the suggestion that took its place (or the last one),
 * else to the list itself. Returns the call to make with the decided one's index, in
 * the same update that removes it from the list (the effect runs once the list shows it).
 */
export function useFocusAfterDecision(list: RefObject<HTMLElement | null>): (index: number) => void {
  const [from, setFrom] = useState<number | null>(null);
  useEffect(() => {
    if (from === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('li button[aria-label^="Confirm"]');
    const next = buttons?.length ? buttons[Math.min(from, buttons.length - 1)] : null;
    (next ?? list.current)?.focus();
    setFrom(null);
  }, [from, list]);
  return setFrom;
}
