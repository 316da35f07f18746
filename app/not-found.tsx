import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-grey-9">Page not found</h1>
      <p className="mt-3 text-grey-7">Nothing lives at this address.</p>
      <p className="mt-6">
        <Link href="/" className="text-brand underline">
          Go to the library
        </Link>
      </p>
    </div>
  );
}
