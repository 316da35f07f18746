"use client";

import { useId, useState } from "react";
import type { ConvertedUpload } from "@/lib/revisions/upload";
import { importFile, messageOf } from "./readings-api";

export const ACCEPTED_FILES = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

/**
 * A file input that sends the chosen file to the import endpoint and hands back the
 * converted body. What went wrong (not text, too large, an unknown encoding) shows
 * beside it; nothing else on the page changes then.
 */
export function FilePicker({ label, hint, onConverted, disabled }: { label: string; hint?: string; onConverted: (upload: ConvertedUpload) => void; disabled?: boolean }) {
  const id = useId();
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setReading(file.name);
    setError(null);
    try {
      onConverted(await importFile(file, file.name));
    } catch (failure) {
      setError(`${file.name}: ${messageOf(failure)}`);
    } finally {
      setReading(null);
      input.value = "";
    }
  }

  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-grey-8">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={ACCEPTED_FILES}
        disabled={disabled || reading !== null}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => void choose(e.currentTarget)}
        className="mt-1 block w-full text-sm text-grey-8 file:mr-3 file:rounded file:border file:border-grey-4 file:bg-white file:px-3 file:py-1 file:text-sm file:text-grey-8 hover:file:border-grey-6 focus-visible:outline-2 focus-visible:outline-blue-focus"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-grey-7">
          {hint}
        </p>
      )}
      <p aria-live="polite" className={reading ? "mt-1 text-sm text-grey-7" : "sr-only"}>
        {reading ? `Reading ${reading}…` : ""}
      </p>
      {error && (
        <p role="alert" className="mt-1 rounded bg-red-light px-3 py-2 text-sm text-red-dark">
          {error}
        </p>
      )}
    </div>
  );
}
