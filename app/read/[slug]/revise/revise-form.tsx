"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { JobState } from "@/lib/revisions/jobs";
import type { RevisionReport } from "@/lib/revisions/report";
import type { ConvertedUpload } from "@/lib/revisions/upload";
import { FilePicker } from "@/app/readings/_shared/file-picker";
import { JobProgress } from "@/app/readings/_shared/job-progress";
import { errorLine } from "@/app/readings/_shared/job-text";
import { checkRevision, followJob, messageOf, startRevision } from "@/app/readings/_shared/readings-api";
import { RevisionReportView } from "./revision-report";
import { conflictVersion, draftKey, parseRevisionDraft, storeRevisionDraft, type RevisionDraft } from "./revise-draft";
import { LineError, selectLine } from "@/app/readings/_shared/line-error";
import { ConversionWarnings } from "@/app/readings/_shared/conversion-warnings";
import { RestoredNotice } from "@/app/_shared/restored-notice";

const button = "rounded border border-grey-4 bg-white px-4 py-2 text-sm font-medium text-grey-8 hover:border-grey-6 disabled:opacity-60";
const primary = "rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60";

/** The report and exactly what it was made for: editing the text (or its base) makes it stale. */
type Checked = { report: RevisionReport; body: string; upload: RevisionDraft["upload"]; baseVersion: number };

/**
 * Edits a reading's text (or replaces it with a file), checks what the change does to
 * every note, link and question, and publishes the new version once the report is for
 * the text as it is. A reading changed meanwhile (409) is said plainly, with a way to
 * check again against the new version. The draft is kept in sessionStorage.
 */
export function ReviseForm({ slug, version, body: initialBody }: { slug: string; version: number; body: string }) {
  const router = useRouter();
  const id = useId();
  const initial: RevisionDraft = { baseVersion: version, body: initialBody, upload: null, warnings: [] };
  const [draft, setDraft] = useState<RevisionDraft>(initial);
  const [restored, setRestored] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState<"checking" | "publishing" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null | undefined>(undefined);
  const [job, setJob] = useState<JobState | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const stop = useRef<AbortController | null>(null);
  const ready = useRef(false);

  useEffect(() => {
    const stored = parseRevisionDraft(sessionStorage.getItem(draftKey(slug)));
    if (stored && (stored.body !== initialBody || stored.baseVersion !== version)) {
      setDraft(stored);
      setRestored(true);
    }
    ready.current = true;
    return () => stop.current?.abort();
    // Once, on arrival.
  }, []);

  useEffect(() => {
    if (!ready.current) return;
    if (draft.body === initialBody && draft.baseVersion === version && !draft.upload) sessionStorage.removeItem(draftKey(slug));
    else storeRevisionDraft(sessionStorage, slug, draft);
  }, [draft, slug, initialBody, version]);

  const change = (patch: Partial<RevisionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const current = checked !== null && checked.body === draft.body && checked.upload === draft.upload && checked.baseVersion === draft.baseVersion;
  const next = draft.baseVersion + 1;

  function fail(failure: unknown) {
    const at = conflictVersion(failure);
    setConflict(at);
    setError(at === undefined ? messageOf(failure) : null);
    setBusy(null);
  }

  async function check(baseVersion = draft.baseVersion) {
    if (busy) return;
    setBusy("checking");
    setError(null);
    setConflict(undefined);
    try {
      const input = { baseVersion, body: draft.body, ...(draft.upload ? { upload: draft.upload } : {}) };
      const report = await checkRevision(slug, input);
      setChecked({ report, body: draft.body, upload: draft.upload, baseVersion });
      setBusy(null);
    } catch (failure) {
      fail(failure);
    }
  }

  async function publish() {
    if (busy || !current) return;
    setBusy("publishing");
    setError(null);
    setConflict(undefined);
    setJob(null);
    stop.current = new AbortController();
    try {
      const input = { baseVersion: draft.baseVersion, body: draft.body, ...(draft.upload ? { upload: draft.upload } : {}) };
      const jobId = await startRevision(slug, input);
      const result = await followJob<{ slug: string; version: number }>(jobId, setJob, stop.current.signal);
      sessionStorage.removeItem(draftKey(slug));
      router.push(`/read/${encodeURIComponent(result.slug)}?revised=${result.version}`);
    } catch (failure) {
      if (!stop.current?.signal.aborted) fail(failure);
    }
  }

  function converted(upload: ConvertedUpload) {
    if (draft.body !== initialBody && draft.body !== upload.body && !window.confirm(`Replace your edited text with the text of ${upload.name}?`)) return;
    change({ body: upload.body, upload: { name: upload.name, format: upload.format, text: upload.text }, warnings: upload.warnings });
  }

  const goToLine = (line: number) => selectLine(box.current, line);

  function startOver() {
    sessionStorage.removeItem(draftKey(slug));
    window.location.reload();
  }

  const line = error ? errorLine(error) : null;
  return (
    <div className="mt-6 space-y-6">
      {restored && (
        <RestoredNotice what="unpublished revision" onDiscard={startOver} />
      )}
      <fieldset disabled={busy === "publishing"} className="space-y-4">
        <legend className="sr-only">The new text</legend>
        <FilePicker label="Replace with a file…" hint="Plain text (.txt), Markdown (.md) or HTML (.html), up to 5 MB. The file's text replaces the text below." onConverted={converted} />
        {draft.upload && (
          <div role="status" className="text-sm text-grey-8">
            <p>
              The text below comes from <strong>{draft.upload.name}</strong>.
            </p>
            <ConversionWarnings warnings={draft.warnings} />
          </div>
        )}
        <div>
          <label htmlFor={`${id}-body`} className="text-sm font-medium text-grey-8">
            Text of the reading (starting from version {draft.baseVersion})
          </label>
          <textarea
            ref={box}
            id={`${id}-body`}
            value={draft.body}
            rows={24}
            spellCheck={false}
            onChange={(e) => change({ body: e.target.value })}
            className="mt-1 w-full rounded border border-grey-4 bg-white px-3 py-2 font-mono text-sm leading-relaxed text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus"
          />
        </div>
      </fieldset>

      <div aria-live="polite" className="space-y-3">
        {error && <LineError error={error} line={line} onGoToLine={goToLine} />}
        {conflict !== undefined && (
          <div role="alert" className="rounded border border-yellow bg-yellow-light px-3 py-2 text-sm text-yellow-dark">
            <p>
              This reading changed while you were working on it{conflict ? `: version ${conflict} is current now` : ""}. Your text is still here; nothing was published.
            </p>
            <p className="mt-2 flex flex-wrap gap-3">
              {conflict ? (
                <button type="button" className="underline" onClick={() => { change({ baseVersion: conflict }); void check(conflict); }}>
                  Check my text against version {conflict}
                </button>
              ) : null}
              <button type="button" className="underline" onClick={startOver}>
                Start again from the current text
              </button>
            </p>
          </div>
        )}
        {checked && !current && busy !== "checking" && (
          <p className="rounded border border-yellow bg-yellow-light px-3 py-2 text-sm text-yellow-dark">The text changed since the last check. Check again before publishing.</p>
        )}
        {busy === "checking" && <p className="text-sm text-grey-7">Checking what changes…</p>}
        {busy === "publishing" && <JobProgress job={job} label={`Publishing version ${next}`} />}
      </div>

      <p className="flex flex-wrap items-center gap-3">
        <button type="button" className={button} disabled={busy !== null} onClick={() => void check()}>
          {current ? "Check again" : "Check what changes"}
        </button>
        <button type="button" className={primary} disabled={!current || busy !== null} aria-describedby={`${id}-publish-hint`} onClick={() => void publish()}>
          {busy === "publishing" ? "Publishing…" : `Publish version ${next}`}
        </button>
        <span id={`${id}-publish-hint`} className="text-xs text-grey-7">
          {current ? "The report below is for the text as it is." : "Check what changes first: publishing needs a report for the text as it is."}
        </span>
      </p>

      {checked && (
        <div className={current ? "" : "opacity-60"}>
          <RevisionReportView report={checked.report} />
        </div>
      )}
    </div>
  );
}
