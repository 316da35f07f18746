"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { JobState } from "@/lib/revisions/jobs";
import type { ConvertedUpload } from "@/lib/revisions/upload";
import { JobProgress } from "../_shared/job-progress";
import { errorLine } from "../_shared/job-text";
import { previewReading, type Preview } from "../_shared/preview";
import { ReadingPreview } from "../_shared/reading-preview";
import { followJob, messageOf, startAddReading } from "../_shared/readings-api";
import { DetailsFields, PlacesFields } from "./details-fields";
import { DRAFT_KEY, emptyDraft, parseDraft, storeDraft, toInput, type ReadingDraft } from "./reading-draft";
import { SourceFields } from "./source-fields";
import { LineError, selectLine } from "../_shared/line-error";
import { RestoredNotice } from "@/app/_shared/restored-notice";

/**
 * Adds a reading: a file or a paste converted by the server, the body to fix in a
 * plain textarea beside a live preview parsed in the browser, the details, the
 * seminars. Publish starts a job and follows it with a progress bar, then opens the
 * reading. Everything typed is kept in sessionStorage until the reading is published.
 */
export function ReadingForm({ seminars, preselect }: { seminars: { id: string; name: string }[]; preselect: string | null }) {
  const router = useRouter();
  const id = useId();
  const taught = seminars.map((s) => s.id);
  const [draft, setDraft] = useState<ReadingDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [kept, setKept] = useState<ReturnType<typeof storeDraft>>("kept");
  const [preview, setPreview] = useState<{ body: string; result: Preview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const [publishing, setPublishing] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const stop = useRef<AbortController | null>(null);

  useEffect(() => {
    const chosen = preselect && taught.includes(preselect) ? [preselect] : taught.length === 1 ? taught : [];
    const stored = parseDraft(sessionStorage.getItem(DRAFT_KEY), taught);
    setDraft(stored ? { ...stored, seminarIds: [...new Set([...stored.seminarIds, ...(preselect && taught.includes(preselect) ? [preselect] : [])])] } : emptyDraft(chosen));
    setRestored(stored !== null);
    return () => stop.current?.abort();
    // Once, on arrival.
  }, []);

  useEffect(() => {
    if (draft) setKept(storeDraft(sessionStorage, draft));
  }, [draft]);

  // The preview follows the text after a pause in typing (longer for long texts).
  const text = draft?.body ?? "";
  useEffect(() => {
    if (!text.trim()) return setPreview(null);
    const timer = setTimeout(() => setPreview({ body: text, result: previewReading({ title: "", author: "", kind: "article" }, text) }), text.length > 200_000 ? 700 : 250);
    return () => clearTimeout(timer);
  }, [text]);

  if (!draft) return <p className="mt-6 text-sm text-grey-7">Loading the form…</p>;
  const change = (patch: Partial<ReadingDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  function converted(upload: ConvertedUpload) {
    if (draft!.body.trim() && draft!.body !== upload.body && !window.confirm(`Replace the text in the box with the text of ${upload.name}?`)) return;
    change({
      body: upload.body,
      upload: { name: upload.name, format: upload.format, text: upload.text },
      warnings: upload.warnings,
      paste: upload.name.startsWith("pasted.") ? "" : draft!.paste,
      title: draft!.title.trim() ? draft!.title : (upload.suggested.title ?? draft!.title),
      author: draft!.author.trim() ? draft!.author : (upload.suggested.author ?? draft!.author),
    });
  }

  const goToLine = (line: number) => selectLine(body.current, line);

  async function publish(event: FormEvent) {
    event.preventDefault();
    if (publishing || !draft) return;
    const checked = toInput(draft);
    if ("problem" in checked) {
      setError(checked.problem.message);
      document.getElementById(`${id}-${checked.problem.field}`)?.focus();
      return;
    }
    setError(null);
    setJob(null);
    setPublishing(true);
    stop.current = new AbortController();
    try {
      const jobId = await startAddReading(checked.input);
      const result = await followJob<{ slug: string }>(jobId, setJob, stop.current.signal);
      sessionStorage.removeItem(DRAFT_KEY);
      router.push(`/read/${encodeURIComponent(result.slug)}`);
    } catch (failure) {
      if (stop.current?.signal.aborted) return;
      setError(messageOf(failure));
      setPublishing(false);
    }
  }

  const discard = () => {
    sessionStorage.removeItem(DRAFT_KEY);
    setDraft(emptyDraft(preselect && taught.includes(preselect) ? [preselect] : []));
    setRestored(false);
    setError(null);
  };
  const line = error ? errorLine(error) : null;

  return (
    <form className="mt-6 space-y-8" onSubmit={(e) => void publish(e)} noValidate>
      {restored && (
        <RestoredNotice what="unpublished draft" onDiscard={discard} />
      )}
      <fieldset disabled={publishing} className="space-y-8">
        <SourceFields draft={draft} change={change} onConverted={converted} />
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="min-w-0">
            <label htmlFor={`${id}-body`} className="text-sm font-medium text-grey-8">
              Text of the reading
            </label>
            <textarea
              ref={body}
              id={`${id}-body`}
              value={draft.body}
              rows={28}
              spellCheck={false}
              aria-describedby={`${id}-body-hint`}
              onChange={(e) => change({ body: e.target.value })}
              className="mt-1 w-full rounded border border-grey-4 bg-white px-3 py-2 font-mono text-sm leading-relaxed text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus"
            />
            <p id={`${id}-body-hint`} className="mt-1 text-xs text-grey-7">
              A blank line between paragraphs. <code>#</code> starts a heading, <code>&gt;</code> a quotation, <code>-</code> a list item; <code>[^1]</code> calls
              note 1 and <code>[^1]: …</code> is the note.
            </p>
          </div>
          <ReadingPreview preview={preview?.result ?? null} stale={preview !== null && preview.body !== draft.body} onGoToLine={goToLine} />
        </div>
        <section aria-labelledby={`${id}-details`} className="space-y-4">
          <h2 id={`${id}-details`} className="text-lg font-medium text-grey-9">
            Details
          </h2>
          <DetailsFields id={id} draft={draft} change={change} />
          <PlacesFields id={id} seminars={seminars} draft={draft} change={change} />
        </section>
      </fieldset>
      <div className="space-y-3">
        {error && <LineError error={error} line={line} onGoToLine={goToLine} />}
        {kept !== "kept" && (
          <p className="text-xs text-grey-7">
            {kept === "partly" ? "The original file is too large to keep across a reload; the text and details are kept." : "This text is too large to keep across a reload: publish it before leaving the page."}
          </p>
        )}
        {publishing && <JobProgress job={job} label="Publishing the reading" />}
        <button type="submit" disabled={publishing} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
          {publishing ? "Publishing…" : "Publish"}
        </button>
      </div>
    </form>
  );
}
