"use client";

import { useCallback, useState } from "react";

/**
 * The width inside an element's padding, kept up to date as the window changes; null
 * until the element is on screen (the server render and the first paint).
 * Returns a callback ref to put on the element.
 */
export function useInnerWidth<T extends HTMLElement>(): [(element: T | null) => (() => void) | void, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((element: T | null) => {
    if (!element) return;
    const measure = () => {
      const style = getComputedStyle(element);
      setWidth(element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
