import Link from "next/link";

export default function VersionNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-grey-9">Version not found</h1>
      <p className="mt-3 text-grey-7">This reading has no such version, or the reading is not open to you.</p>
      <p className="mt-6">
        <Link href="/" className="text-brand underline">
          Go to the library
        </Link>
      </p>
    </div>
  );
}
