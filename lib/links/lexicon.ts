/**
 * Word lists for suggestion scoring: function words that carry no topic, and common
 * content words that carry little. Both are general English, not tuned to any reading.
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Function words and discourse markers (folded, unstemmed). */
export const STOPWORDS = words(`
a about above after again against all almost along already also although always am among an and another any anyone
anything are around as at be became because become becomes been before being below between beyond both but by can
cannot could did do does doing done down during each either else enough etc even ever every everything few for from
further had has have having he her here hers herself him himself his how however i if in into is it its itself just
least less like many may me might mine more moreover most much must my myself neither never nevertheless no nor not
nothing now of off often on once only onto or other others otherwise our ours ourselves out over own per perhaps
quite rather same several shall she should since so some something such than that the their theirs them themselves
then there thereby therefore these they this those though through throughout thus to together too toward towards
under unless until up upon us very via was we well were what whatever when whenever where whereas whether which while
whilst who whom whose why will with within without would yet you your yours yourself yourselves
also indeed instead meanwhile furthermore hence hereafter namely likewise despite besides accordingly finally firstly
secondly lastly additionally still already almost anyway somewhat ie eg cf ibid et al op cit pp vol vols ed eds no nos
p n s t d ll re ve m o
one two three four five six seven eight nine ten first second third
mr mrs ms dr st
`);

/**
 * Frequent content words of general English: they may match, but count for little and
 * never alone make two passages parallel (this is what keeps unrelated texts apart).
 */
export const GENERIC_WORDS = words(`
time times way ways make makes made making take takes took taken taking get gets got give gives gave given go goes went
gone going come comes came coming see sees saw seen seem seems seemed say says said tell told know knew known think
thought want wanted use used using find found put keep kept let lets begin began begun show shown showed try tried call
called ask asked need needed feel felt become leave left bring brought mean meant turn turned hold held stand stood
run ran set move moved live lived happen happened provide provided include included continue continued follow followed
day days year years month months week weeks hour hours minute minutes today moment period
thing things fact facts case cases point points part parts number numbers kind kinds sort lot lots place places area
areas side sides end ends way result results reason reasons example examples question questions issue issues matter
matters problem problems idea ideas view views word words term terms sense level levels form forms order line lines
people person persons man men woman women life world group groups member members course state states
good better best bad worse worst new old great big small large little long short high low right left early late
important different possible able certain clear whole full real true major main general particular public similar
various next last past present own sure likely simply really actually clearly especially particularly generally
much many more most less least enough quite often also well even
`);

/** Month names and their abbreviations, folded, to month numbers 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may", ""], ["june", "jun"],
    ["july", "jul"], ["august", "aug"], ["september", "sep sept"], ["october", "oct"], ["november", "nov"], ["december", "dec"],
  ].flatMap(([full, abbr], i) => [full, ...abbr.split(" ").filter(Boolean)].map((name) => [name, i + 1] as [string, number])),
);

/** Titles and ranks that precede a name and are not part of it. */
export const TITLES = words(`
president premier chairman general gen lieutenant lt colonel col major maj captain capt admiral marshal
ambassador secretary minister comrade senator professor prof dr mr mrs ms sir lord king queen emperor prince
brigade brigadier commander chief deputy assistant acting counselor consul envoy governor
`);

/** Nouns that head names ("Yalu River", "Security Council") but are no name on their own. */
export const NAME_NOUNS = words(`
river rivers sea strait straits island islands peninsula mountain mountains valley bay coast province provinces region
treaty treaties pact agreement alliance conference commission committee council assembly congress senate parliament
group army armies corps division divisions brigade regiment battalion command staff headquarters front sector
government ministry department office bureau agency party republic state states union kingdom empire nation nations
university press bulletin journal review report reports documents archives history library project
west western east eastern north northern south southern central far middle
`);

/** Capitalised words that begin sentences or headings but are not names. */
export const NOT_NAMES = words(`
the a an this that these those it its in on at by for from with as of to and but or if when while after before
however although though despite since because thus yet still also even so then there here such both each every
most many some several few much another other all any no not nor neither either one two three four five six seven
eight nine ten first second third last next new chapter section figure table map source sources note notes
bibliography references introduction conclusion conclusions context abstract appendix endnote endnotes
primary secondary written date published see cf ibid et al vol pp p
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter
i we you he she they my our your his her their me us them
`);
