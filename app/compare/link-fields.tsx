"use client";

import { useId } from "react";
import { relations, type Relation, type Visibility } from "@/lib/links/schema";
import { RELATION_STYLES } from "@/lib/links/relations";

/** What a person fills in for a link: the relation, an optional note, who sees it. */
export type LinkFieldValues = { relation: Relation; note: string; visibility: Visibility };

export const emptyLinkFields: LinkFieldValues = { relation: "parallel", note: "", visibility: "seminar" };

/**
 * The fields of making or editing a link: a radio group of relations (each with its
 * colour and a short description), a plain-text note, and the visibility. Native
 * controls, so Tab, the arrow keys and Space work as everywhere else.
 */
export function LinkFields({
  values,
  onChange,
  disabled,
}: {
  values: LinkFieldValues;
  onChange: (next: LinkFieldValues) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="space-y-4">
      <fieldset disabled={disabled}>
        <legend className="text-sm font-semibold text-grey-9">Relation</legend>
        <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {relations.map((relation) => {
            const style = RELATION_STYLES[relation];
            return (
              <label key={relation} className="flex cursor-pointer items-start gap-2 rounded border border-grey-3 bg-white px-2.5 py-1.5 text-sm has-[:checked]:border-grey-7 has-[:checked]:bg-grey-1">
                <input
                  type="radio"
                  name={`${id}-relation`}
                  value={relation}
                  checked={values.relation === relation}
                  onChange={() => onChange({ ...values, relation })}
                  className="mt-1 h-4 w-4 accent-brand"
                />
                <span>
                  <span className="inline-flex items-center gap-1.5 font-medium text-grey-9">
                    <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: style.colour }} />
                    {style.label}
                  </span>
                  <span className="block text-xs text-grey-7">{style.description}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-note`} className="text-sm font-semibold text-grey-9">
          Note <span className="font-normal text-grey-7">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          value={values.note}
          disabled={disabled}
          onChange={(event) => onChange({ ...values, note: event.target.value })}
          rows={3}
          maxLength={20_000}
          className="mt-1 block w-full rounded border border-grey-3 bg-white px-2.5 py-1.5 text-sm text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus"
        />
      </div>
      <fieldset disabled={disabled}>
        <legend className="text-sm font-semibold text-grey-9">Who sees it</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm text-grey-9">
          {(
            [
              ["seminar", "Everyone in the seminar"],
              ["private", "Only me"],
            ] as const
          ).map(([visibility, label]) => (
            <label key={visibility} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name={`${id}-visibility`}
                value={visibility}
                checked={values.visibility === visibility}
                onChange={() => onChange({ ...values, visibility })}
                className="h-4 w-4 accent-brand"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
