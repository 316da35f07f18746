import { parseDocument } from "@/lib/documents/parse";
import type { Block, DocumentMeta } from "@/lib/documents/schema";
import type { Selector } from "@/lib/anchoring";
import { placeItem, type Placement } from "@/lib/revisions/place";

/**
 * The CPU-heavy half of adding or revising a reading, with no database and no Next:
 * parse the new source, then place every anchored item in the new text. It runs in a
 * worker thread (lib/revisions/off-thread.ts), so a 2 MB reading does not hold up the
 * server for everyone else.
 */

/** An item to place: its `kind:id` key and the selectors of its current placement. */
export type ItemToPlace = { key: string; selectors: Selector[] };

export type PrepareInput = { source: string; fileName: string; items: ItemToPlace[] };

export type PreparedVersion = {
  meta: DocumentMeta;
  blocks: Block[];
  text: string;
  wordCount: number;
  /** Placements by item key, in the input's order. */
  placements: [string, Placement][];
};

/** Reported while preparing: the stage and, while placing, items done of the total. */
export type PrepareProgress = { stage: "parsing" | "placing"; done: number; total: number };

/** How often placing reports progress (every this many items). */
const PROGRESS_EVERY = 25;

/**
 * Parses `source` and places `items` in its text.
 * @throws DocumentParseError naming the file and line when the source is malformed.
 */
export function prepareVersion(input: PrepareInput, onProgress?: (progress: PrepareProgress) => void): PreparedVersion {
  const steps = preparing(input, onProgress);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * As {@link prepareVersion}, handing the event loop back between every few items
 * placed: on the server's own thread, a thousand notes never hold up other requests
 * for more than a few milliseconds at a time.
 */
export async function prepareVersionInSteps(input: PrepareInput, onProgress?: (progress: PrepareProgress) => void): Promise<PreparedVersion> {
  const steps = preparing(input, onProgress);
  let step = steps.next();
  while (!step.done) {
    await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}

/** The work, yielding after the parse and after every PROGRESS_EVERY items. */
function* preparing(input: PrepareInput, onProgress?: (progress: PrepareProgress) => void): Generator<void, PreparedVersion> {
  const total = input.items.length;
  onProgress?.({ stage: "parsing", done: 0, total });
  const parsed = parseDocument(input.source, input.fileName);
  yield;
  const placements: [string, Placement][] = [];
  for (const [index, item] of input.items.entries()) {
    placements.push([item.key, placeItem(parsed.text, item.selectors)]);
    if ((index + 1) % PROGRESS_EVERY === 0) {
      onProgress?.({ stage: "placing", done: index + 1, total });
      yield;
    }
  }
  onProgress?.({ stage: "placing", done: total, total });
  return { meta: parsed.meta, blocks: parsed.blocks, text: parsed.text, wordCount: parsed.wordCount, placements };
}
