"use client";

import { useEffect, useRef, useState } from "react";
import { NOTIFICATION_EVENT } from "@/app/inbox/events";
import type { NoteView } from "@/lib/annotations/schema";
import {
  LINK_EVENT_NAMES,
  NOTE_EVENT_NAMES,
  QUESTION_EVENT_NAMES,
  describeLinkEvent,
  describeLiveEvent,
  describeQuestionEvent,
  summarize,
  type LiveEndReason,
  type LiveLinkEvent,
  type LiveNoteEvent,
  type LivePresenceEvent,
  type LiveQuestionEvent,
  type LiveRemovedEvent,
  type LiveRevisedEvent,
} from "./live-events";
import { LINKS_CHANGED, QUESTIONS_CHANGED, signalChange } from "./reader-events";

export type LiveStatus = "connecting" | "open" | "reconnecting" | "ended";
/** A polite announcement; `serial` changes even when the text repeats. */
export type Announcement = { text: string; serial: number };

export type UseLiveNotesOptions = {
  slug: string;
  seminarId: string;
  /** The signed-in reader: their own changes are not announced. */
  viewerId?: string;
  /**
   * The bus position the page was rendered at (`currentEventCursor()` on the server):
   * the first connection starts there, so nothing written between render and connect
   * is lost. Without it the stream starts at connect.
   */
  since?: number | null;
  /** A note (with its thread) as this reader may see it now: add or replace it. */
  onNote: (note: NoteView, event: LiveNoteEvent) => void;
  /** A note this reader may no longer see: drop it. */
  onNoteRemoved: (noteId: string) => void;
  /** Who is reading now (distinct names, sorted; `people` has their ids too). */
  onPresence?: (names: string[], people: LivePresenceEvent["people"]) => void;
  /** A link touching the reading changed (the markers and Connections tab hear LINKS_CHANGED too). */
  onLink?: (event: LiveLinkEvent) => void;
  /** A question or answer touching the reading changed (the Questions pieces hear QUESTIONS_CHANGED too). */
  onQuestion?: (event: LiveQuestionEvent) => void;
  /** The reading got a new version (this page still shows the one it was loaded with). */
  onRevised?: (version: number | null, mine: boolean) => void;
  /** The server could not replay everything missed (a long disconnect): reload the list. */
  onReset?: () => void;
  /** A notification for this reader was created (the inbox badge hears it too, via NOTIFICATION_EVENT). */
  onNotification?: () => void;
  /** The server ended the stream (signed out, or removed from the seminar). */
  onEnd?: (reason: LiveEndReason) => void;
  /** False: no connection (e.g. signed out). Default true. */
  enabled?: boolean;
};

/** Waits before reconnecting after the browser gave up (a 5xx, a restart), doubling to a minute. */
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];
/** Announcements that arrive within this window are said as one. */
const ANNOUNCE_BATCH_MS = 1_200;

/**
 * Live notes for the reader: opens an EventSource on the reading's stream and calls
 * back with each note as this reader may see it. Link and question events fire
 * LINKS_CHANGED / QUESTIONS_CHANGED on the window (so does a reset), and others' new
 * notes, replies, links and questions are announced. EventSource reconnects by itself
 * and sends Last-Event-ID, so the server replays what was missed; when the browser
 * gives up (the server answered an error), this reconnects with backoff from the last id.
 */
export function useLiveNotes(options: UseLiveNotesOptions): { status: LiveStatus; announcement: Announcement | null } {
  const { slug, seminarId, enabled = true } = options;
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const since = useRef(options.since ?? null);

  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let lastId: string | null = since.current !== null ? String(since.current) : null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    let batch: string[] = [];
    let batchTimer: ReturnType<typeof setTimeout> | undefined;

    const announce = (text: string | null) => {
      if (!text) return;
      batch.push(text);
      batchTimer ??= setTimeout(() => {
        const said = summarize(batch);
        batch = [];
        batchTimer = undefined;
        if (said) setAnnouncement((previous) => ({ text: said, serial: (previous?.serial ?? 0) + 1 }));
      }, ANNOUNCE_BATCH_MS);
    };

    const parse = <T,>(event: Event): T | null => {
      const message = event as MessageEvent<string>;
      if (message.lastEventId) lastId = message.lastEventId;
      try {
        return JSON.parse(message.data) as T;
      } catch {
        return null;
      }
    };

    const connect = () => {
      const params = new URLSearchParams({ seminar: seminarId });
      if (lastId) params.set("lastEventId", lastId); // the header, sent on EventSource's own reconnects, wins
      const es = new EventSource(`/api/readings/${encodeURIComponent(slug)}/events?${params}`, { withCredentials: true });
      source = es;
      es.onopen = () => {
        attempts = 0;
        setStatus("open");
      };
      es.onerror = () => {
        if (stopped) return;
        if (es.readyState === EventSource.CLOSED) {
          // The browser gave up (an error answer): try again later from where we were.
          setStatus("reconnecting");
          retry = setTimeout(connect, RETRY_MS[Math.min(attempts++, RETRY_MS.length - 1)]);
        } else setStatus("reconnecting"); // EventSource retries by itself
      };
      for (const name of NOTE_EVENT_NAMES) {
        es.addEventListener(name, (event) => {
          const data = parse<LiveNoteEvent>(event);
          if (!data?.note) return;
          latest.current.onNote(data.note, data);
          if (latest.current.viewerId) announce(describeLiveEvent(data, latest.current.viewerId));
        });
      }
      for (const name of LINK_EVENT_NAMES) {
        es.addEventListener(name, (event) => {
          const data = parse<LiveLinkEvent>(event);
          if (!data?.linkId) return;
          signalChange(LINKS_CHANGED, { slug, seminarId });
          latest.current.onLink?.(data);
          if (latest.current.viewerId) announce(describeLinkEvent(data, latest.current.viewerId));
        });
      }
      for (const name of QUESTION_EVENT_NAMES) {
        es.addEventListener(name, (event) => {
          const data = parse<LiveQuestionEvent>(event);
          if (!data?.questionId) return;
          signalChange(QUESTIONS_CHANGED, { slug, seminarId });
          latest.current.onQuestion?.(data);
          announce(describeQuestionEvent(data));
        });
      }
      es.addEventListener("reading.revised", (event) => {
        const data = parse<LiveRevisedEvent>(event);
        if (data) latest.current.onRevised?.(data.version, data.mine);
      });
      es.addEventListener("note.removed", (event) => {
        const data = parse<LiveRemovedEvent>(event);
        if (data) latest.current.onNoteRemoved(data.noteId);
      });
      es.addEventListener("presence", (event) => {
        const data = parse<LivePresenceEvent>(event);
        if (data) latest.current.onPresence?.(data.names, data.people);
      });
      es.addEventListener("reset", (event) => {
        parse(event);
        signalChange(LINKS_CHANGED, { slug, seminarId });
        signalChange(QUESTIONS_CHANGED, { slug, seminarId });
        latest.current.onReset?.();
      });
      es.addEventListener("notification", (event) => {
        parse(event);
        latest.current.onNotification?.();
        window.dispatchEvent(new CustomEvent(NOTIFICATION_EVENT));
      });
      es.addEventListener("end", (event) => {
        const data = parse<{ reason: LiveEndReason }>(event);
        stopped = true;
        es.close();
        setStatus("ended");
        if (data) latest.current.onEnd?.(data.reason);
      });
    };

    setStatus("connecting");
    connect();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(retry);
      clearTimeout(batchTimer);
    };
  }, [slug, seminarId, enabled]);

  return { status, announcement };
}
