/** The named character references Markdown files use in practice. */
const named: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›", bull: "•", middot: "·", dagger: "†", Dagger: "‡", sect: "§", para: "¶",
  copy: "©", reg: "®", trade: "™", deg: "°", plusmn: "±", times: "×", divide: "÷", minus: "−", prime: "′", Prime: "″",
  frac12: "½", frac14: "¼", frac34: "¾", sup1: "¹", sup2: "²", sup3: "³", iexcl: "¡", iquest: "¿", cent: "¢", pound: "£", euro: "€", yen: "¥",
  aacute: "á", Aacute: "Á", agrave: "à", Agrave: "À", acirc: "â", Acirc: "Â", auml: "ä", Auml: "Ä", atilde: "ã", aring: "å", aelig: "æ", AElig: "Æ",
  ccedil: "ç", Ccedil: "Ç", eacute: "é", Eacute: "É", egrave: "è", Egrave: "È", ecirc: "ê", Ecirc: "Ê", euml: "ë",
  iacute: "í", igrave: "ì", icirc: "î", iuml: "ï", ntilde: "ñ", Ntilde: "Ñ", oacute: "ó", Oacute: "Ó", ograve: "ò", ocirc: "ô", ouml: "ö", Ouml: "Ö",
  otilde: "õ", oslash: "ø", Oslash: "Ø", oelig: "œ", OElig: "Œ", szlig: "ß", uacute: "ú", Uacute: "Ú", ugrave: "ù", ucirc: "û", uuml: "ü", Uuml: "Ü", yacute: "ý", yuml: "ÿ",
  thinsp: "\u2009", ensp: "\u2002", emsp: "\u2003", zwnj: "\u200c", zwj: "\u200d",
};

const reference = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/**
 * Reads one character reference (`&amp;`, `&#8212;`, `&#x2014;`) at `index`: the character
 * it stands for and its length, or null when there is none or its name is not known.
 */
export function matchEntity(source: string, index: number): { value: string; length: number } | null {
  reference.lastIndex = index;
  const match = reference.exec(source);
  if (!match) return null;
  if (match[3] !== undefined) {
    const value = named[match[3]];
    return value === undefined ? null : { value, length: match[0].length };
  }
  const code = match[1] !== undefined ? parseInt(match[1], 16) : parseInt(match[2], 10);
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return { value: valid ? String.fromCodePoint(code) : "\uFFFD", length: match[0].length };
}
