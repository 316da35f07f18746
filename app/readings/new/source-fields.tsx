"use client";

import { useId, useState } from "react";
import type { ConvertedUpload } from "@/lib/revisions/upload";
import { FilePicker } from "../_shared/file-picker";
import { importPaste, messageOf } from "../_shared/readings-api";
import type { ReadingDraft } from "./reading-draft";
import { ConversionWarnings } from "../_shared/conversion-warnings";

const button = "rounded border border-grey-4 bg-white px-3 py-1 text-sm text-grey-8 hover:border-grey-6 disabled:opacity-60";
const formatNames = { text: "plain text", markdown: "Markdown", html: "HTML" } as const;

/**
 * Where the text comes from: a file, or a paste converted the same way (as a file
 * named pasted.txt or pasted.md). Shows what the body came from and the importer's warnings.
 */
export function SourceFields({
  draft,
  change,
  onConverted,
}: {
  draft: ReadingDraft;
  change: (patch: Partial<ReadingDraft>) => void;
  onConverted: (upload: ConvertedUpload) => void;
}) {
  const id = useId();
  const [converting, setConverting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function convertPaste() {
    if (!draft.paste.trim()) return setError("Paste the reading's text into the box first.");
    setConverting(true);
    setError(null);
    try {
      onConverted(await importPaste(draft.paste, draft.pasteFormat));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setConverting(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4">
      <h2 id={`${id}-heading`} className="text-lg font-medium text-grey-9">
        The text
      </h2>
      <FilePicker label="Choose a file" hint="Plain text (.txt), Markdown (.md) or HTML (.html), up to 5 MB." onConverted={onConverted} />
      <details className="rounded border border-grey-3 bg-white px-4 py-3" open={draft.paste !== "" || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-grey-8">Or paste the text</summary>
        <label htmlFor={`${id}-paste`} className="mt-3 block text-sm font-medium text-grey-8">
          Pasted text
        </label>
        <textarea
          id={`${id}-paste`}
          rows={6}
          value={draft.paste}
          onChange={(e) => change({ paste: e.target.value })}
          className="mt-1 w-full rounded border border-grey-4 bg-white px-3 py-1.5 font-mono text-sm text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus"
        />
        <fieldset className="mt-2 flex flex-wrap items-center gap-4 text-sm text-grey-9">
          <legend className="sr-only">The pasted text is</legend>
          <span aria-hidden="true" className="text-grey-8">
            It is
          </span>
          {(["text", "markdown"] as const).map((format) => (
            <label key={format} className="flex items-center gap-1.5">
              <input type="radio" name={`${id}-format`} className="accent-brand" checked={draft.pasteFormat === format} onChange={() => change({ pasteFormat: format })} />
              {format === "text" ? "Plain text" : "Markdown"}
            </label>
          ))}
          <button type="button" className={button} disabled={converting} onClick={() => void convertPaste()}>
            {converting ? "Converting…" : "Use the pasted text"}
          </button>
        </fieldset>
        {error && (
          <p role="alert" className="mt-2 rounded bg-red-light px-3 py-2 text-sm text-red-dark">
            {error}
          </p>
        )}
      </details>
      {draft.upload && (
        <div role="status" className="text-sm text-grey-8">
          <p>
            The text below comes from <strong>{draft.upload.name}</strong> ({formatNames[draft.upload.format]}). Fix anything the conversion got wrong before publishing.
          </p>
          <ConversionWarnings warnings={draft.warnings} />
        </div>
      )}
    </section>
  );
}
