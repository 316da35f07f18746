// A small JSON Schema draft-04 validator, enough for the W3C Web Annotation test
// schemas (ajv is not installed here). Keywords: $ref (JSON pointers across files by
// their `id`; sibling keywords are applied too, the stricter reading), type, enum,
// required, properties, patternProperties, additionalProperties, items, minItems,
// maxItems, allOf, anyOf, oneOf, not, minimum, exclusiveMinimum, maximum, pattern,
// minLength, maxLength, format (uri, date-time, email). Unknown keywords are ignored,
// as draft-04 requires. Checked against the suite's correct and incorrect samples.
import fs from "node:fs";
import path from "node:path";

type Schema = Record<string, any> | boolean;

const formats: Record<string, RegExp> = {
  // An absolute IRI: a scheme, a colon, no spaces.
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  email: /^[^\s@]+@[^\s@]+$/,
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "number") return typeof value === "number";
  return typeOf(value) === type;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A set of schemas addressed by their `id`, and a validator over them. */
export class SchemaSet {
  private readonly byId = new Map<string, Record<string, any>>();

  /** Adds every .json schema of a folder (recursively). */
  addFolder(dir: string): this {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) this.addFolder(full);
      else if (entry.name.endsWith(".json")) this.add(JSON.parse(fs.readFileSync(full, "utf8")), entry.name);
    }
    return this;
  }

  /** Registers a schema by file name, and by its `id` unless another file holds that name (one suite file mislabels its id). */
  add(schema: Record<string, any>, fileName: string): this {
    this.byId.set(fileName, schema);
    if (schema.id && !this.byId.has(schema.id)) this.byId.set(schema.id, schema);
    return this;
  }

  get(id: string): Record<string, any> {
    const schema = this.byId.get(id);
    if (!schema) throw new Error(`Unknown schema ${id}`);
    return schema;
  }

  /** Is `data` valid against the schema with this id? */
  validate(id: string, data: unknown): boolean {
    return this.check(this.get(id), data, id);
  }

  private resolve(ref: string, base: string): { schema: Schema; base: string } {
    const [file, pointer = ""] = ref.split("#");
    const id = file || base;
    let node: any = this.get(id);
    for (const part of pointer.split("/").filter(Boolean)) node = node[decodeURIComponent(part.replace(/~1/g, "/").replace(/~0/g, "~"))];
    if (node === undefined) throw new Error(`Unresolvable $ref ${ref} from ${base}`);
    return { schema: node, base: id };
  }

  private check(schema: Schema, data: any, base: string): boolean {
    if (schema === true) return true;
    if (schema === false) return false;
    const s = schema;
    if (s.$ref) {
      const target = this.resolve(s.$ref, base);
      if (!this.check(target.schema, data, target.base)) return false;
    }
    if (s.type !== undefined) {
      const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
      if (!types.some((t) => hasType(data, t))) return false;
    }
    if (s.enum && !s.enum.some((v: unknown) => deepEqual(v, data))) return false;
    if (s.allOf && !s.allOf.every((sub: Schema) => this.check(sub, data, base))) return false;
    if (s.anyOf && !s.anyOf.some((sub: Schema) => this.check(sub, data, base))) return false;
    if (s.oneOf && s.oneOf.filter((sub: Schema) => this.check(sub, data, base)).length !== 1) return false;
    if (s.not && this.check(s.not, data, base)) return false;

    if (typeOf(data) === "object") {
      if (s.required && !s.required.every((key: string) => Object.prototype.hasOwnProperty.call(data, key))) return false;
      for (const [key, value] of Object.entries(data)) {
        let matched = false;
        if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, key)) {
          matched = true;
          if (!this.check(s.properties[key], value, base)) return false;
        }
        for (const [pattern, sub] of Object.entries<Schema>(s.patternProperties ?? {})) {
          if (new RegExp(pattern).test(key)) {
            matched = true;
            if (!this.check(sub, value, base)) return false;
          }
        }
        if (!matched && s.additionalProperties !== undefined && !this.check(s.additionalProperties, value, base)) return false;
      }
    }
    if (Array.isArray(data)) {
      if (s.minItems !== undefined && data.length < s.minItems) return false;
      if (s.maxItems !== undefined && data.length > s.maxItems) return false;
      if (Array.isArray(s.items)) {
        if (!s.items.every((sub: Schema, i: number) => i >= data.length || this.check(sub, data[i], base))) return false;
      } else if (s.items !== undefined && !data.every((item) => this.check(s.items, item, base))) return false;
    }
    if (typeof data === "number") {
      if (s.minimum !== undefined && (s.exclusiveMinimum ? data <= s.minimum : data < s.minimum)) return false;
      if (s.maximum !== undefined && (s.exclusiveMaximum ? data >= s.maximum : data > s.maximum)) return false;
    }
    if (typeof data === "string") {
      if (s.minLength !== undefined && [...data].length < s.minLength) return false;
      if (s.maxLength !== undefined && [...data].length > s.maxLength) return false;
      if (s.pattern && !new RegExp(s.pattern).test(data)) return false;
      if (s.format && formats[s.format] && !formats[s.format].test(data)) return false;
    }
    return true;
  }
}

/** The W3C suite's MUST assertions for annotations, loaded from tests/fixtures/w3c. */
export function loadAnnotationMusts(fixtures: string) {
  const set = new SchemaSet().addFolder(path.join(fixtures, "definitions")).addFolder(path.join(fixtures, "annotations"));
  const listing = JSON.parse(fs.readFileSync(path.join(fixtures, "annotations", "annotationMusts.test"), "utf8"));
  const assertions = (listing.assertions as string[]).map((file) => {
    const schema = set.get(path.basename(file));
    return { file, id: path.basename(file), expected: schema.expectedResult as "valid" | "invalid", message: schema.errorMessage as string };
  });
  /** The assertions a document breaks (empty: it meets every MUST). */
  const failures = (doc: unknown) =>
    assertions.filter((a) => (set.validate(a.id, doc) ? "valid" : "invalid") !== a.expected).map((a) => `${a.file}: ${a.message}`);
  return { assertions, failures };
}
