/**
 * XML reading for hOCR and ALTO with fast-xml-parser, in its order-preserving form: each element is
 * `{ name: children[], ':@': attributes }` and text is `{ '#text': … }`. Malformed XML is reported
 * with the validator's line and column before any parsing happens.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { positionOfOffset } from './common.js';
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
});

export function parseXml(content: string, fileName: string): XmlNode[] {
  const validation = XMLValidator.validate(content);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new FormatError(fileName, `malformed XML: ${msg.replace(/\.$/, '')}`, {
      line,
      column: col,
    });
  }
  return parser.parse(content) as XmlNode[];
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

/** For an attribute value in single quotes, as tesseract writes titles that hold quoted values. */
export function escapeSingleQuoted(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;');
}

/** Line of the first occurrence of an attribute value, to point errors at an element by its id. */
export function lineOfAttribute(content: string, value: string): number | undefined {
  for (const quoted of [`"${value}"`, `'${value}'`]) {
    const offset = content.indexOf(quoted);
    if (offset >= 0) return positionOfOffset(content, offset).line;
  }
  return undefined;
}
