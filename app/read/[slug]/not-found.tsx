import Link from "next/link";

export default function ReadingNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-grey-9">Reading not found</h1>
      <p className="mt-3 text-grey-7">There is no reading at this address. It may have been renamed or removed.</p>
      <p className="mt-6">
        <Link href="/" className="text-brand underline">
          Go to the library
        </Link>
      </p>
    </div>
  );
}
