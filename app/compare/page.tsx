import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { makeLinkHref } from "@/lib/links/passage-param";
import { RELATION_STYLES, SUGGESTION_COLOUR, shortQuote } from "@/lib/links/relations";
import { CompareSync } from "./compare-sync";
import { DecideSuggestion } from "./decide-suggestion";
import { LinkPanel } from "./link-panel";
import { loadCompare, type CompareData, type CompareParams, type Pane, type Span } from "./load-compare";
import { MakeLink } from "./make-link";

export const metadata: Metadata = { title: "Compare passages" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * /compare?seminar=…&link=… shows a link: its two readings side by side, the passages
 * marked and lined up, the panes scrolling together, Previous / Next among the links
 * between the same readings. /compare?seminar=…&suggestion=… shows a suggested parallel
 * to an instructor, with Confirm / Dismiss. /compare?seminar=…&left=…&right=…&from=…
 * makes a link from a passage of the left reading.
 */
export default async function ComparePage({ searchParams }: Props) {
  await connection();
  const raw = await searchParams;
  const params: CompareParams = {
    seminar: one(raw.seminar),
    link: one(raw.link),
    suggestion: one(raw.suggestion),
    left: one(raw.left),
    right: one(raw.right),
    from: one(raw.from),
    question: one(raw.question),
  };
  const user = await getCurrentUser();
  if (!user) {
    const back = `/compare?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]))}`;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  let data: CompareData;
  try {
    data = await loadCompare(prisma, user, params);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  if (data.mode === "problem") {
    return (
      <div className="mx-auto max-w-xl px-4 py-16">
        <h1 className="text-2xl font-semibold text-grey-9">Nothing to compare</h1>
        <p role="alert" className="mt-3 text-grey-7">
          {data.message}
        </p>
        <p className="mt-6">
          <Link href={data.backHref} className="text-brand underline">
            Back to the reading
          </Link>
        </p>
      </div>
    );
  }
  if (data.mode === "question") return <QuestionPassages data={data} />;
  if (data.mode === "suggestion") return <SuggestionPair data={data} />;
  return data.mode === "view" ? <ViewLink data={data} /> : <MakeLinkPage data={data} />;
}

/**
 * The way back, where this link (or suggestion) stands among those between the same
 * readings with Previous / Next, and the seminar's map.
 */
function StepsNav({ noun, data }: { noun: "link" | "suggestion"; data: Extract<CompareData, { mode: "view" | "suggestion" }> }) {
  const { position, previousHref, nextHref, seminar } = data;
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  return (
    <nav aria-label={`${Noun}s between these readings`} className="flex flex-wrap items-center gap-x-3 gap-y-2" data-noanchor>
      <Link href={data.backHref} className={navLink}>
        ← Back to the reading
      </Link>
      <span className="text-sm text-grey-7">
        {position.index >= 0 ? `${Noun} ${position.index + 1} of ${position.count} between these readings` : `This ${noun} is not listed any more`}
      </span>
      {previousHref ? (
        <Link href={previousHref} className={navLink} rel="prev">
          ← Previous {noun}
        </Link>
      ) : (
        <span className="px-2 py-1 text-sm text-grey-6">← Previous {noun}</span>
      )}
      {nextHref ? (
        <Link href={nextHref} className={navLink} rel="next">
          Next {noun} →
        </Link>
      ) : (
        <span className="px-2 py-1 text-sm text-grey-6">Next {noun} →</span>
      )}
      <Link href={`/seminars/${seminar.id}/map`} className={`${navLink} sm:ml-auto`}>
        Connections map of {seminar.name}
      </Link>
    </nav>
  );
}

/** A guided question's passages in two readings, marked, aligned and scrolled in step. */
function QuestionPassages({ data }: { data: Extract<CompareData, { mode: "question" }> }) {
  return (
    <div className="mx-auto max-w-[110rem] px-4 py-6">
      <nav aria-label="Question passages" className="flex flex-wrap items-center gap-x-3 gap-y-2" data-noanchor>
        <Link href={data.backHref} className={navLink}>
          ← Back to the reading
        </Link>
        <Link href={data.questionHref} className={navLink}>
          Answer the question
        </Link>
      </nav>
      <h1 className="mt-3 text-xl font-semibold text-grey-9">Question: {data.title}</h1>
      <TwoPassages of="question" left={data.left} right={data.right} leftSpan={data.leftSpan} rightSpan={data.rightSpan} />
    </div>
  );
}

/** A suggested parallel's passages side by side, with why it was suggested and the decision. */
function SuggestionPair({ data }: { data: Extract<CompareData, { mode: "suggestion" }> }) {
  const { seminar, suggestion, left, right, leftEnd, rightEnd } = data;
  const mapHref = `/seminars/${seminar.id}/map`;
  return (
    <div className="mx-auto max-w-[110rem] px-4 py-6">
      <StepsNav noun="suggestion" data={data} />
      <h1 className="mt-3 text-xl font-semibold text-grey-9">
        <span aria-hidden="true" className="mr-2 inline-block h-3 w-3 rounded-full border-2 border-dashed align-middle" style={{ borderColor: SUGGESTION_COLOUR }} />
        Suggested parallel: {left.title} ↔ {right.title}
      </h1>
      <div className="mt-2 flex flex-col gap-3 rounded-lg border border-dashed border-grey-5 bg-white p-3 text-sm md:flex-row md:items-start md:justify-between">
        <div>
          <p className="text-grey-7">
            Score {Math.round(suggestion.score * 100)}%, found by comparing the texts. Only instructors see it until it is confirmed.
          </p>
          <ul aria-label="Why it was suggested" className="mt-1 list-disc pl-5 text-grey-8">
            {suggestion.why.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
        <div className="shrink-0">
          <DecideSuggestion
            key={suggestion.id}
            seminarId={seminar.id}
            suggestionId={suggestion.id}
            what={`${left.title} ‘${shortQuote(leftEnd.quote, 50)}’ ↔ ${right.title} ‘${shortQuote(rightEnd.quote, 50)}’`}
            leftSlug={left.slug}
            backHref={data.backHref}
            nextHref={data.nextHref}
            mapHref={mapHref}
          />
        </div>
      </div>
      <TwoPassages of="suggestion" left={left} right={right} leftSpan={data.leftSpan} rightSpan={data.rightSpan} />
    </div>
  );
}

/** Two passages (of a question or a suggestion) marked in their readings, lined up and scrolled in step. */
function TwoPassages({ of, left, right, leftSpan, rightSpan }: { of: string; left: Pane; right: Pane; leftSpan: Span | null; rightSpan: Span | null }) {
  return (
    <>
      {(!leftSpan || !rightSpan) && (
        <p role="status" className="mt-2 text-sm text-red-dark">
          A passage of this {of} could not be found in the current text; that reading is shown from its start.
        </p>
      )}
      <div className="mt-3">
        <CompareSync current={{ left: leftSpan, right: rightSpan }} siblings={[]} inStepAtFirst />
      </div>
      <Panes left={left} right={right} />
    </>
  );
}

const navLink = "rounded px-2 py-1 text-sm text-brand underline-offset-2 hover:bg-grey-1 hover:underline focus-visible:outline-2 focus-visible:outline-blue-focus";

function ViewLink({ data }: { data: Extract<CompareData, { mode: "view" }> }) {
  const style = RELATION_STYLES[data.link.relation];
  return (
    <div className="mx-auto max-w-[110rem] px-4 py-6">
      <StepsNav noun="link" data={data} />
      <h1 className="mt-3 text-xl font-semibold text-grey-9">
        <span aria-hidden="true" className="mr-2 inline-block h-3 w-3 rounded-full align-middle" style={{ background: style.colour }} />
        {style.label}: {data.left.title} ↔ {data.right.title}
      </h1>
      <div className="mt-3">
        <CompareSync
          current={{ left: data.leftEnd.current, right: data.rightEnd.current }}
          siblings={data.siblings}
          inStepAtFirst
        />
      </div>
      <Panes left={data.left} right={data.right} />
      <div className="mt-6">
        <LinkPanel key={data.link.id} initialLink={data.link} ends={[data.leftEnd, data.rightEnd]} backHref={data.backHref} />
      </div>
    </div>
  );
}

function MakeLinkPage({ data }: { data: Extract<CompareData, { mode: "make" }> }) {
  return (
    <div className="mx-auto max-w-[110rem] px-4 py-6">
      <nav aria-label="Making a link" className="flex flex-wrap items-center gap-3" data-noanchor>
        <Link href={data.backHref} className={navLink}>
          ← Back to the reading
        </Link>
      </nav>
      <h1 className="mt-3 text-xl font-semibold text-grey-9">Link a passage of “{data.left.title}”</h1>
      <nav aria-label="Reading to link to" className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-grey-7">Link to:</span>
        {data.readings.map((reading) => (
          <Link
            key={reading.slug}
            href={makeLinkHref(data.seminar.id, data.left.slug, data.from, reading.slug)}
            aria-current={data.right?.slug === reading.slug ? "page" : undefined}
            className="rounded border border-grey-3 bg-white px-2 py-0.5 text-grey-8 hover:bg-grey-1 aria-[current=page]:border-grey-7 aria-[current=page]:font-semibold aria-[current=page]:text-grey-9"
          >
            {reading.slug === data.left.slug ? `${reading.title} (this reading)` : reading.title}
          </Link>
        ))}
      </nav>
      {!data.fromSpan && (
        <p role="status" className="mt-2 text-sm text-red-dark">
          The passage could not be found in the current text of “{data.left.title}”; it is linked as it was quoted.
        </p>
      )}
      {data.right ? (
        <>
          <div className="mt-3">
            <CompareSync current={{ left: data.fromSpan, right: null }} siblings={[]} inStepAtFirst={false} />
          </div>
          <Panes left={data.left} right={data.right} />
          <div className="mt-6">
            <MakeLink
              key={data.right.slug}
              seminarId={data.seminar.id}
              left={{ slug: data.left.slug, title: data.left.title }}
              right={{ slug: data.right.slug, title: data.right.title, versionId: data.right.versionId }}
              from={data.from}
              fromQuote={data.fromQuote}
              backHref={data.backHref}
            />
          </div>
        </>
      ) : (
        <p className="mt-6 text-grey-7">Choose the reading that holds the other passage.</p>
      )}
    </div>
  );
}

/** The two readings, side by side (stacked on a phone), each in its own scrolling pane. */
function Panes({ left, right }: { left: Pane; right: Pane }) {
  return (
    <div className="mt-3 grid gap-4 md:grid-cols-2">
      <ReadingPane side="left" pane={left} />
      <ReadingPane side="right" pane={right} />
    </div>
  );
}

function ReadingPane({ side, pane }: { side: "left" | "right"; pane: Pane }) {
  const titleId = `compare-${side}-title`;
  return (
    <section aria-labelledby={titleId} className="min-w-0">
      <h2 id={titleId} className="font-reading text-lg font-semibold leading-snug text-grey-9">
        {pane.title}
      </h2>
      <p className="text-sm text-grey-7">{pane.author}</p>
      <div
        data-compare-pane={side}
        tabIndex={0}
        role="region"
        aria-label={`${pane.title} (${side === "left" ? "left" : "right"} reading)`}
        className="relative mt-2 h-[45vh] overflow-y-auto rounded-lg border border-grey-3 bg-white px-5 focus-visible:outline-2 focus-visible:outline-blue-focus md:h-[calc(100vh-13rem)] md:min-h-[24rem]"
      >
        <div
          data-reading={pane.slug}
          data-version={pane.versionId}
          className="font-reading py-2 text-[1.0625rem] leading-[1.7] text-grey-9"
          dangerouslySetInnerHTML={{ __html: pane.html }}
        />
      </div>
    </section>
  );
}
