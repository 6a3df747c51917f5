// A JSON value written as a literal of each language the code tabs show. Strings start from
// JSON.stringify, whose escapes (\" \\ \n \t \uXXXX) every one of these languages reads the same
// way; only what a language adds on top (Ruby's "#{…}" interpolation) is escaped further.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Drops `undefined` and functions the way JSON.stringify does, so every writer sees plain JSON. */
export function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value ?? null)) as Json;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RUBY_SYMBOL = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Style {
  indent: string;
  null: string;
  true: string;
  false: string;
  string(s: string): string;
  /** One entry of an object: `key: value`, `"key": value` or `"key" => value`. */
  entry(key: string, value: string): string;
  trailingComma: boolean;
}

function write(value: Json, style: Style, depth: number): string {
  const pad = style.indent.repeat(depth + 1);
  const end = style.indent.repeat(depth);
  const tail = style.trailingComma ? "," : "";
  if (value === null) return style.null;
  if (value === true) return style.true;
  if (value === false) return style.false;
  if (typeof value === "number") return JSON.stringify(value);
  if (typeof value === "string") return style.string(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = value.map((v) => pad + write(v, style, depth + 1));
    return `[\n${inner.join(",\n")}${tail}\n${end}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  const inner = keys.map((k) => pad + style.entry(k, write(value[k], style, depth + 1)));
  return `{\n${inner.join(",\n")}${tail}\n${end}}`;
}

const jsonString = (s: string) => JSON.stringify(s);

export function pythonLiteral(value: unknown, depth = 0): string {
  return write(
    toJson(value),
    {
      indent: "    ",
      null: "None",
      true: "True",
      false: "False",
      string: jsonString,
      entry: (k, v) => `${jsonString(k)}: ${v}`,
      trailingComma: true,
    },
    depth,
  );
}

export function jsLiteral(value: unknown, depth = 0): string {
  return write(
    toJson(value),
    {
      indent: "  ",
      null: "null",
      true: "true",
      false: "false",
      string: jsonString,
      entry: (k, v) => `${IDENTIFIER.test(k) ? k : jsonString(k)}: ${v}`,
      trailingComma: true,
    },
    depth,
  );
}

/** Ruby reads "#{…}", "#@x" and "#$x" inside double quotes as interpolation: escape every "#". */
export function rubyString(s: string): string {
  return JSON.stringify(s).replace(/#/g, "\\#");
}

export function rubyLiteral(value: unknown, depth = 0): string {
  return write(
    toJson(value),
    {
      indent: "  ",
      null: "nil",
      true: "true",
      false: "false",
      string: rubyString,
      entry: (k, v) => (RUBY_SYMBOL.test(k) ? `${k}: ${v}` : `${rubyString(k)} => ${v}`),
      trailingComma: false,
    },
    depth,
  );
}

/**
 * One POSIX-shell word, single-quoted: nothing inside single quotes is special except the quote
 * itself, which is closed, escaped and reopened ('\'').
 */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
