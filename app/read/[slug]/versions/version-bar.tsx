import Link from "next/link";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { canReviseReading } from "@/lib/revisions/viewer";

type Query = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);

/**
 * The reader header's version line: "Version N · History", "Revise" for those who may,
 * and the notices of `?revised=N` (just published) and `?version=N` (an older version's
 * link, landed on the current one).
 */
export async function VersionBar({ slug, documentId, current, query }: { slug: string; documentId: string; current: number; query: Query }) {
  const path = `/read/${encodeURIComponent(slug)}`;
  const canRevise = await canReviseReading(prisma, (await getCurrentUser())?.id ?? null, documentId);
  const revised = one(query.revised);
  const asked = one(query.version);
  const notice = "mt-4 rounded border px-4 py-3 text-sm";

  return (
    <>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href={`${path}/versions`} className="text-grey-7 underline-offset-2 hover:text-grey-9 hover:underline">
          Version {current} · History
        </Link>
        {canRevise && (
          <Link href={`${path}/revise`} className="font-medium text-brand underline">
            Revise
          </Link>
        )}
      </p>
      <div aria-live="polite">
        {revised !== null && revised <= current && (
          <p className={`${notice} border-green-dark bg-green-light text-green-dark`}>
            Published version {revised}. Notes, links and questions were moved onto it.{" "}
            {revised >= 2 && (
              <Link href={`${path}/versions/${revised}/changes`} className="underline">
                What changed
              </Link>
            )}
          </p>
        )}
        {asked !== null && asked < current && (
          <p className={`${notice} border-yellow bg-yellow-light text-yellow-dark`}>
            This reading has been revised since version {asked}; you are reading version {current}.{" "}
            <Link href={`${path}/versions/${asked}`} className="underline">
              See version {asked} as it was
            </Link>{" "}
            ·{" "}
            <Link href={asked + 1 === current ? `${path}/versions/${current}/changes` : `${path}/versions`} className="underline">
              What changed
            </Link>
          </p>
        )}
      </div>
    </>
  );
}
