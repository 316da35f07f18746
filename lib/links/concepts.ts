/**
 * A small hand-written concept map: spellings, romanisations, abbreviations and near
 * synonyms that mean the same thing in writing about twentieth-century East Asian and
 * Cold War history. Each concept has an id and the folded word sequences that name it
 * (lower case, diacritics and apostrophes dropped, hyphens as spaces). Matching compares
 * the words run together, so "Zhou En-lai" and "Zhou Enlai" meet. It is deliberately
 * general: texts on other subjects simply never trigger it.
 */

type Concept = [id: string, variants: string];

const CONCEPTS: Concept[] = [
  // People (romanisations and forms of address).
  ["mao", "mao zedong | mao tse tung | mao tsetung | chairman mao | mao"],
  ["zhou-enlai", "zhou enlai | chou en lai | chou enlai | zhou"],
  ["chiang-kai-shek", "chiang kai shek | chiang kaishek | jiang jieshi | jiang chieh shih | generalissimo"],
  ["kim-il-sung", "kim il sung | kim ilsung | kim il song | kim"],
  ["syngman-rhee", "syngman rhee | rhee syngman | rhee syngmann | rhee"],
  ["stalin", "joseph stalin | josef stalin | iosif stalin | iosif vissarionovich | stalin"],
  ["truman", "harry truman | harry s truman | truman"],
  ["macarthur", "douglas macarthur | macarthur | mac arthur"],
  ["acheson", "dean acheson | acheson"],
  ["panikkar", "k m panikkar | sardar panikkar | kavalam madhava panikkar | panikkar"],
  ["nie-rongzhen", "nie rongzhen | nieh jung chen | nie"],
  ["peng-dehuai", "peng dehuai | peng teh huai | peng"],
  ["lin-biao", "lin biao | lin piao"],
  ["pak-hon-yong", "pak hon yong | park hon young | pak honyong | park hon yong"],
  ["shtykov", "terenty shtykov | terentii shtykov | shtykov"],
  ["malik", "yakov malik | jacob malik | malik"],
  ["khrushchev", "nikita khrushchev | khrushchev | khruschev"],
  ["chen-jian", "chen jian | jian chen"],
  ["cumings", "bruce cumings | cumings | cuming"],
  ["millett", "allan millett | allan reed millett | millett | millet"],

  // Places.
  ["beijing", "beijing | peking | peiping | pekin"],
  ["pusan", "pusan | busan | fusan"],
  ["inchon", "inchon | incheon | chemulpo"],
  ["pyongyang", "pyongyang | pyeongyang | heijo"],
  ["seoul", "seoul | keijo"],
  ["wonsan", "wonsan | gensan"],
  ["kaesong", "kaesong | gaeseong"],
  ["taiwan", "taiwan | formosa"],
  ["manchuria", "manchuria | manchurian"],
  ["yalu", "yalu | amnok"],
  ["38th-parallel", "thirty eighth parallel | 38th parallel | parallel 38 | 38 parallel | 38th | thirty eighth"],
  ["moscow", "moscow | kremlin"],

  // States, demonyms and organisations.
  ["north-korea", "north korea | north koreans | north korean | democratic peoples republic of korea | democratic people republic of korea | dprk | nk | northern korea"],
  ["south-korea", "south korea | south koreans | south korean | republic of korea | rok | sk | southern korea"],
  ["korea", "korea | korean | koreans"],
  ["china", "china | chinese | prc | peoples republic of china | people republic of china | communist china | red china | mainland china"],
  ["soviet", "soviet union | soviets | soviet | ussr | union of soviet socialist republics | russia | russians | russian"],
  ["usa", "united states | united states of america | usa | us | america | americans | american"],
  ["britain", "britain | great britain | united kingdom | uk | british | england"],
  ["japan", "japan | japanese"],
  ["india", "india | indian | indians"],
  ["un", "united nations | un | uno | u n"],
  ["security-council", "security council | unsc"],
  ["general-assembly", "general assembly | unga | un ga | ga"],
  ["jcs", "joint chiefs of staff | joint chief of staff | joint chiefs | jcs"],
  ["nsc", "national security council | nsc"],
  ["state-department", "state department | department of state"],
  ["north-korean-army", "nkpa | kpa | nka | korean peoples army | korean people army | north korean army | north korean peoples army | north korean people army | inmun gun"],
  ["chinese-volunteers", "chinese peoples volunteers | chinese peoples volunteer army | chinese people volunteers | chinese people volunteer army | peoples volunteer army | people volunteer army | chinese volunteers | cpv | pva | cpva | volunteer army"],
  ["pla", "peoples liberation army | people liberation army | pla"],
  ["politburo", "politburo | politbureau | political bureau"],
  ["korean-war", "korean war | kw"],
  ["cold-war", "cold war | cw"],
  ["civil-war", "civil war | civil wars"],
  ["pusan-perimeter", "pusan perimeter | busan perimeter | pp"],
  ["eighth-army", "eighth army | 8th army"],
  ["seventh-fleet", "seventh fleet | 7th fleet"],
  ["wake-island", "wake island"],
  ["foreign-office", "foreign office | fo"],
  ["sino-soviet", "sino soviet"],
  ["sino-american", "sino american"],

  // Near synonyms and word families the stemmer does not join (not names: see WORD_CONCEPTS).
  ["intervene", "intervene | intervenes | intervened | intervening | intervention | interventions | interfere | interference"],
  ["telegram", "telegram | telegrams | cable | cables | cabled | telegraph | telegraphed"],
  ["betray", "betray | betrayal | betrayed | renege | reneged | reneging | renegeing | go back on | going back on | went back on"],
  ["rift", "wedge | rift | rifts | split | estrangement | estranged | alienation | alienated | gulf | schism"],
  ["adviser", "adviser | advisers | advisor | advisors | advisory"],
  ["rollback", "rollback | roll back | rolling back | rolled back | rollback"],
  ["unify", "unify | unified | unifying | unification | reunify | reunified | reunification | reunite | reunited | reunifying"],
  ["air-cover", "air cover | air support | air umbrella"],
  ["invade", "invade | invaded | invades | invading | invasion | invasions | invader | invaders"],
  ["warn", "warn | warned | warning | warnings | caution | cautioned"],
  ["refuse", "refuse | refused | refusal | reject | rejected | rejection | decline | declined | deny | denied"],
  ["cross", "cross | crossed | crossing | crossings | crosses"],
  ["prestige", "prestige | reputation | credibility"],
  ["defeat", "defeat | defeated | rout | routed"],
  ["uprising", "uprising | uprisings | revolt | revolts | rebellion | insurrection | rise up"],
  ["dependent", "dependent | dependence | dependency | reliant | reliance | depend | depends"],
  ["vacation", "vacation | holiday"],
];

/** Concepts that are ordinary words, not names of people, places or bodies. */
const WORD_CONCEPTS = new Set(
  CONCEPTS.slice(CONCEPTS.findIndex(([id]) => id === "intervene")).map(([id]) => id),
);

/** Whether a concept names a person, place or body (rather than being a word family). */
export const isEntityConcept = (id: string): boolean => !WORD_CONCEPTS.has(id);

/** Abbreviations matched only when written in capitals (so "us" the pronoun stays a pronoun). */
const CAPITALS_ONLY = new Set(["us", "un", "uk", "nk", "sk", "kw", "cw", "pp", "fo", "ga", "rok", "usa", "uno"]);

const concat = (variant: string) => variant.replace(/\s+/g, "");

function buildIndex(): { byKey: Map<string, string>; prefixes: Set<string>; maxWords: number } {
  const byKey = new Map<string, string>();
  const prefixes = new Set<string>();
  let maxWords = 1;
  for (const [id, variants] of CONCEPTS) {
    for (const variant of variants.split("|").map((v) => v.trim()).filter(Boolean)) {
      const key = concat(variant);
      if (!byKey.has(key)) byKey.set(key, id);
      for (let n = 1; n <= key.length; n++) prefixes.add(key.slice(0, n));
      maxWords = Math.max(maxWords, variant.split(/\s+/).length);
    }
  }
  return { byKey, prefixes, maxWords };
}

const INDEX = buildIndex();

/** The longest run of words any concept variant spans (for the matcher's look-ahead). */
export const MAX_CONCEPT_WORDS = INDEX.maxWords + 2; // hyphenated spellings split into more words

/** Whether some concept's words run together begin with `joinedFolded` (so matching may go on). */
export const conceptPrefix = (joinedFolded: string): boolean => INDEX.prefixes.has(joinedFolded);

/**
 * The concept named by folded words run together (e.g. "zhouenlai"), or undefined.
 * `allCaps` tells whether every word was written in capitals, which some short
 * abbreviations require.
 */
export function conceptFor(joinedFolded: string, allCaps: boolean): string | undefined {
  const id = INDEX.byKey.get(joinedFolded);
  if (!id) return undefined;
  if (CAPITALS_ONLY.has(joinedFolded) && !allCaps) return undefined;
  return id;
}
