/**
 * The anchoring engine: pure functions from text to selectors (`describe`) and from
 * selectors back to a span of a possibly changed text (`anchor`). No DOM here; the
 * browser half lives in `dom.ts`, imported only by client components.
 */
export { anchor } from "./anchor";
export { describe, CONTEXT_LENGTH } from "./describe";
export {
  InvalidSpanError,
  type Anchor,
  type AnchorMethod,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "./types";
