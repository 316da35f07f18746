import { DocumentParseError } from "./parse-error";
import { documentKinds, documentMetaSchema, type DocumentMeta } from "./schema";

/** The front matter of a reading, split from its body. Line numbers are 1-based. */
export type FrontMatter = {
  meta: DocumentMeta;
  /** Index (0-based) into the file's lines of the first body line. */
  bodyStart: number;
};

type Entry = { value: string; line: number };

const fieldTypes: Record<string, "string" | "boolean" | "integer"> = {
  title: "string",
  titleSupplied: "boolean",
  author: "string",
  publication: "string",
  year: "integer",
  kind: "string",
  source: "string",
  order: "integer",
};

/**
 * Reads the front matter at the top of a reading: a `---` line, then one `key: value` per
 * line, then `---`. Values are plain text, or a JSON string in double quotes when they need
 * to start or end with a space or quote. Strict on purpose: unknown keys, repeated keys, a
 * missing required field, a value of the wrong type or an unknown kind all throw a
 * {@link DocumentParseError} naming the file and line.
 */
export function parseFrontMatter(lines: string[], file: string): FrontMatter {
  if (lines[0]?.trim() !== "---") {
    throw new DocumentParseError(file, 1, "no front matter: a reading starts with a `---` line, then `key: value` lines, then `---`");
  }
  const entries = new Map<string, Entry>();
  let closing = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "---") {
      closing = i;
      break;
    }
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const match = /^([A-Za-z][A-Za-z0-9]*):(.*)$/.exec(line);
    if (!match) throw new DocumentParseError(file, i + 1, `front matter line is not \`key: value\`: ${JSON.stringify(line)}`);
    const [, key, rest] = match;
    if (!(key in fieldTypes)) throw new DocumentParseError(file, i + 1, `unknown front matter field "${key}"`);
    if (entries.has(key)) throw new DocumentParseError(file, i + 1, `front matter field "${key}" is given twice`);
    entries.set(key, { value: readScalar(rest.trim(), file, i + 1, key), line: i + 1 });
  }
  if (closing < 0) throw new DocumentParseError(file, 1, "front matter is not closed by a `---` line");
  return { meta: buildMeta(entries, file, closing + 1), bodyStart: closing + 1 };
}

function readScalar(raw: string, file: string, line: number, key: string): string {
  if (raw === "") throw new DocumentParseError(file, line, `front matter field "${key}" has no value`);
  if (!raw.startsWith('"')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === "string") return value;
  } catch {
    // fall through to the error below
  }
  throw new DocumentParseError(file, line, `front matter field "${key}" is not a valid double-quoted string`);
}

function buildMeta(entries: Map<string, Entry>, file: string, closingLine: number): DocumentMeta {
  const input: Record<string, unknown> = {};
  for (const [key, { value, line }] of entries) {
    const type = fieldTypes[key];
    if (type === "boolean") {
      if (value !== "true" && value !== "false") throw new DocumentParseError(file, line, `front matter field "${key}" must be true or false`);
      input[key] = value === "true";
    } else if (type === "integer") {
      if (!/^-?\d+$/.test(value)) throw new DocumentParseError(file, line, `front matter field "${key}" must be a whole number`);
      input[key] = Number(value);
    } else {
      input[key] = value;
    }
  }
  const kind = entries.get("kind");
  if (kind && !(documentKinds as readonly string[]).includes(kind.value)) {
    throw new DocumentParseError(file, kind.line, `unknown kind "${kind.value}" (expected one of: ${documentKinds.join(", ")})`);
  }
  const result = documentMetaSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue.path[0] ?? "");
  const entry = entries.get(key);
  if (!entry) throw new DocumentParseError(file, closingLine, `front matter lacks the required field "${key}"`);
  throw new DocumentParseError(file, entry.line, `front matter field "${key}": ${issue.message}`);
}
