import { parseFrames, type ParsedFrame } from "@/lib/realtime/sse";

/** A frame read back, with when it arrived (performance.now()). */
export type ReceivedFrame = ParsedFrame & { receivedAt: number };

export type FrameReader = {
  /** Every frame so far, in order. */
  frames: ReceivedFrame[];
  /** The first frame from index `from` on that satisfies `test`; rejects after `timeoutMs`. */
  waitFor(test: (frame: ReceivedFrame) => boolean, options?: { from?: number; timeoutMs?: number }): Promise<ReceivedFrame>;
  /** Settles when the stream ends (closed by the server or cancelled). */
  ended: Promise<void>;
  isEnded(): boolean;
  cancel(): Promise<void>;
};

/**
 * Reads an event stream in the background (Node or browser fetch bodies): for tests,
 * the bench and other non-browser clients. Browsers use EventSource instead.
 */
export function readFrames(body: ReadableStream<Uint8Array>): FrameReader {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const frames: ReceivedFrame[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let buffer = "";
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const pump = async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { frames: complete, rest } = parseFrames(buffer + decoder.decode(value, { stream: true }));
        buffer = rest;
        const now = performance.now();
        for (const frame of complete) frames.push({ ...frame, receivedAt: now });
        if (complete.length) wake();
      }
    } catch {
      // cancelled or the connection broke: either way the stream has ended
    } finally {
      ended = true;
      wake();
    }
  };
  const endedPromise = pump();

  return {
    frames,
    ended: endedPromise,
    isEnded: () => ended,
    cancel: async () => {
      await reader.cancel().catch(() => {});
      await endedPromise;
    },
    waitFor(test, { from = 0, timeoutMs = 5000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          let found: ReceivedFrame | undefined;
          try {
            found = frames.slice(from).find(test);
          } catch (error) {
            return finish(() => reject(error));
          }
          if (found) return finish(() => resolve(found));
          if (ended) finish(() => reject(new Error(`the stream ended before the frame came (${describe(frames)})`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no such frame within ${timeoutMs} ms (${describe(frames)})`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
  };
}

function describe(frames: ReceivedFrame[]): string {
  return `got: ${frames.map((f) => f.event + (f.id ? `#${f.id}` : "")).join(", ") || "nothing"}`;
}
