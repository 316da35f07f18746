/** The frame of the sign-in, sign-up and sign-out pages. */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <div className="rounded-lg border border-grey-3 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-grey-9">{title}</h1>
        {children}
      </div>
    </div>
  );
}

/** A labelled input; errors are announced through the form's alert, not per field. */
export function Field(props: { label: string; name: string; type: string; autoComplete: string; minLength?: number; hint?: string }) {
  const id = `field-${props.name}`;
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block text-sm font-medium text-grey-8">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type}
        autoComplete={props.autoComplete}
        minLength={props.minLength}
        required
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        className="mt-1 block w-full rounded border border-grey-4 px-3 py-2 text-grey-9 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30"
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-grey-6">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** The form's error, announced to screen readers when it appears. */
export function FormError({ message }: { message: string | null }) {
  return (
    <p role="alert" aria-live="assertive" className={message ? "mt-4 rounded border border-red bg-red-light px-3 py-2 text-sm text-red-dark" : "sr-only"}>
      {message ?? ""}
    </p>
  );
}

/** The primary button of a form. */
export function SubmitButton({ pending, children }: { pending: boolean; children: React.ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className="mt-6 w-full rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60"
    >
      {children}
    </button>
  );
}
