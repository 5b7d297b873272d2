/**
 * XML reading for hOCR and ALTO with fast-xml-parser, in its order-preserving form: each element is
 * `{ name: children[], ':@': attributes }` and text is `{ '#text': … }`. Malformed XML is reported
 * with the validator's line and column before any parsing happens.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_NESTING_DEPTH, positionOfOffset } from './common.js';
import { FormatError } from './types.js';

export type XmlNode = Record<string, unknown>;

const ATTRIBUTES = ':@';
const TEXT = '#text';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // hOCR is XHTML, which may use HTML's named entities (&nbsp;, &eacute;).
  htmlEntities: true,
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // The pre-scan below refuses deeper nesting first, with a line; this is only a second fence.
  maxNestedTags: MAX_NESTING_DEPTH + 10,
});

export function parseXml(content: string, fileName: string): XmlNode[] {
  // The validator keeps its own stack, so it is safe on any nesting, and names the place best.
  const validation = XMLValidator.validate(content);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new FormatError(fileName, `malformed XML: ${clip(msg.replace(/\.$/, ''))}`, {
      line,
      column: col,
    });
  }
  const doctype = prescan(content, fileName);
  try {
    return parser.parse(content) as XmlNode[];
  } catch (error) {
    // What the validator and the pre-scan let through and the parser refuses is in the DOCTYPE,
    // if anywhere; without one, the place is the start of the markup.
    const message = error instanceof Error ? error.message : String(error);
    throw new FormatError(
      fileName,
      `XML that cannot be read: ${clip(message.replace(/\.$/, ''))}`,
      positionOfOffset(content, doctype ?? Math.max(0, content.indexOf('<'))),
    );
  }
}

/**
 * One pass over the well-formed markup before the parser: elements may nest at most
 * MAX_NESTING_DEPTH deep, there is one root element, and a DOCTYPE may appear once and only without an internal subset. hOCR
 * and ALTO need neither entity declarations nor deep nesting, and both are ways to attack a parser
 * (entity expansion, external entities reading local files, recursion). Returns the DOCTYPE's offset.
 */
function prescan(content: string, fileName: string): number | undefined {
  const refuse = (offset: number, detail: string): never => {
    throw new FormatError(fileName, detail, positionOfOffset(content, offset));
  };
  let depth = 0;
  let root: string | undefined;
  let doctype: number | undefined;
  let at = content.indexOf('<');
  while (at >= 0) {
    let end: number;
    const special = SPECIAL_MARKUP.find(([opening]) => content.startsWith(opening, at));
    if (special) {
      const [opening, closing, what] = special;
      end = closingOf(content, closing, at + opening.length);
      if (end < 0) refuse(at, `unterminated ${what} (no "${closing}")`);
    } else if (content.startsWith('<!', at)) {
      end = tagEnd(content, at, '[');
      if (/^<!DOCTYPE\b/i.test(content.slice(at, at + 10))) {
        if (doctype !== undefined) refuse(at, 'a second DOCTYPE declaration');
        doctype = at;
        if (content[end] === '[')
          refuse(at, 'a DOCTYPE with declarations ([…]) is not supported (entities are refused)');
      }
    } else {
      end = tagEnd(content, at);
      if (content[at + 1] === '/') depth--;
      else {
        if (depth === 0 && root !== undefined) {
          const name = /^<([^\s/>]*)/.exec(content.slice(at, at + 100))?.[1] ?? '';
          refuse(at, `a second root element <${name}> (the first is <${root}>)`);
        }
        if (depth === 0) root = /^<([^\s/>]*)/.exec(content.slice(at, at + 100))?.[1] ?? '';
        if (content[end - 1] !== '/' && ++depth > MAX_NESTING_DEPTH)
          refuse(at, `elements nested deeper than ${MAX_NESTING_DEPTH} levels`);
      }
    }
    if (end < 0) break; // unterminated: the validator names it
    at = content.indexOf('<', end);
  }
  return doctype;
}

/** One short line: the validator may quote every open tag (a list of thousands of names). */
function clip(message: string): string {
  const line = message.replace(/\s+/g, ' ');
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

/** Markup that ends at a fixed closing: comments, character data, processing instructions. */
const SPECIAL_MARKUP: readonly [string, string, string][] = [
  ['<!--', '-->', 'comment'],
  ['<![CDATA[', ']]>', 'CDATA section'],
  ['<?', '?>', 'processing instruction'],
];

/** The offset just past `closing` from `from` on, or -1. */
function closingOf(content: string, closing: string, from: number): number {
  const index = content.indexOf(closing, from);
  return index < 0 ? -1 : index + closing.length;
}

/**
 * The offset of the `>` (or of `alsoStop`) that ends the tag opened at `start`, quoted values
 * skipped; or -1.
 */
function tagEnd(content: string, start: number, alsoStop = '>'): number {
  let quote = '';
  for (let index = start + 1; index < content.length; index++) {
    const character = content[index];
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '>' || character === alsoStop) return index;
  }
  return -1;
}

/** The element's tag name, or undefined for text, comments and processing instructions. */
export function elementName(node: XmlNode): string | undefined {
  return Object.keys(node).find(
    (key) => key !== ATTRIBUTES && key !== TEXT && !key.startsWith('?'),
  );
}

export function attributesOf(node: XmlNode): Record<string, string> {
  return (node[ATTRIBUTES] as Record<string, string> | undefined) ?? {};
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const name = elementName(node);
  return name ? ((node[name] as XmlNode[] | undefined) ?? []) : [];
}

/** All text inside a node, nested elements included. */
export function textOf(node: XmlNode): string {
  if (TEXT in node) return String(node[TEXT]);
  return childrenOf(node).map(textOf).join('');
}

/** Elements in document order, depth first; `visit` returns false to skip an element's subtree. */
export function walkElements(
  nodes: XmlNode[],
  visit: (node: XmlNode, name: string) => boolean | void,
): void {
  for (const node of nodes) {
    const name = elementName(node);
    if (!name) continue;
    if (visit(node, name) !== false) walkElements(childrenOf(node), visit);
  }
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The five predefined references and character references; anything else stays as it is. */
export function unescapeXml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(
    /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([\da-fA-F]{1,6}));/g,
    (whole, name, dec, hex) => {
      if (name) return named[name as string] ?? whole;
      const code = dec ? Number(dec) : parseInt(hex as string, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/** For an attribute value in single quotes, as tesseract writes titles that hold quoted values. */
export function escapeSingleQuoted(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;');
}

/** Line of the first element named `name` (with or without a namespace prefix). */
export function lineOfElement(content: string, name: string): number | undefined {
  const match = new RegExp(`<(?:[\\w.-]+:)?${name}[\\s/>]`).exec(content);
  return match ? positionOfOffset(content, match.index).line : undefined;
}

/** Line of the first occurrence of an attribute value, to point errors at an element by its id. */
export function lineOfAttribute(content: string, value: string): number | undefined {
  for (const quoted of [`"${value}"`, `'${value}'`]) {
    const offset = content.indexOf(quoted);
    if (offset >= 0) return positionOfOffset(content, offset).line;
  }
  return undefined;
}
