/** The formats an upload or a pasted text can be read as. */
export type ImportFormat = "text" | "markdown" | "html";

const extensions: Record<string, ImportFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  mdown: "markdown",
  mkd: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
};

const htmlStart = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|ul|ol|blockquote|table|meta|title|header)[\s>/]/i;

const markdownSignals = [
  /^ {0,3}#{1,6}[ \t]+\S/m,
  /^ {0,3}(?:=+|-+)[ \t]*$/m,
  /^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\S/m,
  /^ {0,3}>[ \t]?\S/m,
  /^ {0,3}(?:```|~~~)/m,
  /!?\[[^\]\n]{1,200}\]\([^)\s]{1,500}(?:\s+"[^"\n]{0,200}")?\)/,
  /(?:\*\*|__)\S[^\n]{0,200}?\S(?:\*\*|__)/,
  /`[^`\n]+`/,
  /\[\^[^\]\s]+\]/,
  /^ {0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)+/m,
];

/**
 * Decides how to read a file: by its extension (.txt, .md, .markdown, .html, .htm …)
 * when it has a known one, else by its content: HTML when it opens with a document or
 * block tag, Markdown when it shows at least two kinds of Markdown markup, text otherwise.
 *
 * @param fileName the uploaded file's name, or null for pasted text
 */
export function detectFormat(fileName: string | null, text: string): ImportFormat {
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension && extension in extensions) return extensions[extension];
  const sample = text.replace(/^\uFEFF/, "").slice(0, 20_000);
  if (htmlStart.test(sample) && /<\/[a-z][a-z0-9]*\s*>|<br\s*\/?>/i.test(sample)) return "html";
  const signals = markdownSignals.filter((signal) => signal.test(sample)).length;
  return signals >= 2 ? "markdown" : "text";
}
