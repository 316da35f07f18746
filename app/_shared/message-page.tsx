import Link from "next/link";

/** A page that only says something (nothing here, or not for you) and offers the way back. */
export function MessagePage({ title, children, back }: { title: string; children: React.ReactNode; back: { href: string; label: string } }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-grey-9">{title}</h1>
      <p className="mt-3 text-grey-7">{children}</p>
      <p className="mt-6">
        <Link href={back.href} className="text-brand underline">
          {back.label}
        </Link>
      </p>
    </div>
  );
}
