// A one-line summary of a markdown instruction for tables: its first line of text, without the
// markdown that marks headings, lists and quotes, and without emphasis markers.
export function excerptOf(markdown: string, max = 160): string {
  const line =
    markdown
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "" && !/^(```|~~~|<!--|-{3,}|\|[-:| ]+\|?$)/.test(l)) ?? "";
  const text = line
    .replace(/^(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+/, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, "$2")
    .replace(/<[^>]+>/g, "")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
