/**
 * hOCR as tesseract 5 writes it: XHTML with ocr_page > ocr_carea > ocr_par > ocr_line > ocrx_word,
 * geometry and confidences in `title` properties (`bbox 10 20 30 40; x_wconf 96`).
 *
 * Every line element (ocr_line, and tesseract's ocr_header, ocr_caption and ocr_textfloat) becomes a
 * segment whose id is the line's id. Export rebuilds the file from the document: pages, blocks and
 * paragraphs with their boxes, each line with its properties (baseline, x_size…) and its words.
 * Words of unchanged lines keep their boxes and confidences; edited lines get boxes fitted to the
 * new words (see refit-words.ts).
 */
import type { BBox, LineLayout, NekoDocument, Page, Segment, Word } from '../document/types.js';
import { extraOf } from './common.js';
import { assertWritable, groupBy, lineWords, scanDocument, unionOf } from './page-layout.js';
import { FormatError, type Format, type ParseContext } from './types.js';
import {
  attributesOf,
  childrenOf,
  escapeSingleQuoted,
  escapeXml,
  lineOfAttribute,
  lineOfElement,
  parseXml,
  textOf,
  walkElements,
  type XmlNode,
} from './xml.js';

const LINE_CLASSES = ['ocr_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat'];

/** Where a line sits: its page, block and paragraph (the box comes from the line itself). */
type LineScope = Omit<LineLayout, 'bbox'>;

interface HocrBlock {
  bbox?: BBox;
}

interface HocrParagraph {
  bbox?: BBox;
  lang?: string;
}

interface HocrExtra {
  /** The `ocr-system` the file came from. */
  system?: string;
  /** Page title properties other than image and bbox (ppageno, scan_res), verbatim, by page index. */
  pageProperties: Record<number, string>;
  blocks: Record<string, HocrBlock>;
  paragraphs: Record<string, HocrParagraph>;
  /** Line classes other than ocr_line, by segment id. */
  lineClasses: Record<string, string>;
}

export const hocrFormat: Format = {
  id: 'hocr',
  label: 'hOCR (tesseract)',
  extensions: ['.hocr', '.html'],

  detect(content) {
    const head = content.slice(0, 65536);
    if (!/ocr_page/.test(head)) return 0;
    return /<(html|div|body)[\s>]/i.test(head) ? 0.95 : 0.6;
  },

  parse(content, { fileName }: ParseContext): NekoDocument {
    const root = parseXml(content, fileName);
    const reader = new HocrReader(content, fileName);
    reader.read(root);
    if (!reader.pages.length)
      throw new FormatError(fileName, 'no ocr_page element: not tesseract hOCR', {
        line: lineOfElement(content, 'body') ?? lineOfElement(content, 'html') ?? 1,
      });
    return scanDocument('hocr', fileName, content, reader);
  },

  serialize(document) {
    return writeHocr(document);
  },
};

class HocrReader {
  readonly pages: Page[] = [];
  readonly segments: Segment[] = [];
  readonly extra: HocrExtra = { pageProperties: {}, blocks: {}, paragraphs: {}, lineClasses: {} };

  constructor(
    private readonly content: string,
    private readonly fileName: string,
  ) {}

  read(root: XmlNode[]): void {
    walkElements(root, (node, name) => {
      if (name === 'meta' && attributesOf(node).name === 'ocr-system') {
        this.extra.system = attributesOf(node).content;
      }
      if (!classesOf(node).includes('ocr_page')) return true;
      this.readPage(node);
      return false;
    });
  }

  private readPage(pageNode: XmlNode): void {
    const { id, title } = attributesOf(pageNode);
    const properties = parseTitle(title);
    const bbox = this.boxOf(properties, 'ocr_page', id);
    const index = this.pages.length;
    const image = properties.get('image');
    this.pages.push({
      index,
      ...(image ? { image: unquote(image) } : {}),
      width: bbox.x1 - bbox.x0,
      height: bbox.y1 - bbox.y0,
    });
    const rest = [...properties].filter(([key]) => key !== 'image' && key !== 'bbox');
    this.extra.pageProperties[index] = rest.map(([key, value]) => `${key} ${value}`).join('; ');

    this.readRegion(childrenOf(pageNode), { page: index });
  }

  /** Blocks and paragraphs set the scope of the lines inside them. */
  private readRegion(nodes: XmlNode[], scope: LineScope): void {
    walkElements(nodes, (node) => {
      const classes = classesOf(node);
      const { id, title, lang } = attributesOf(node);
      if (id && classes.includes('ocr_carea')) {
        this.extra.blocks[id] = this.optionalBox(title, 'ocr_carea', id);
        this.readRegion(childrenOf(node), { ...scope, blockId: id });
        return false;
      }
      if (id && classes.includes('ocr_par')) {
        this.extra.paragraphs[id] = {
          ...this.optionalBox(title, 'ocr_par', id),
          ...(lang ? { lang } : {}),
        };
        this.readRegion(childrenOf(node), { ...scope, paragraphId: id });
        return false;
      }
      const lineClass = LINE_CLASSES.find((candidate) => classes.includes(candidate));
      if (!lineClass) return true;
      this.readLine(node, lineClass, scope);
      return false;
    });
  }

  private readLine(node: XmlNode, lineClass: string, scope: LineScope): void {
    const attributes = attributesOf(node);
    const id = attributes.id ?? `line-${this.segments.length + 1}`;
    const properties = parseTitle(attributes.title);
    const bbox = this.boxOf(properties, lineClass, id);
    const words: Word[] = [];
    walkElements(childrenOf(node), (child) => {
      if (!classesOf(child).includes('ocrx_word')) return true;
      const text = textOf(child).trim();
      if (!text) return false;
      const wordAttributes = attributesOf(child);
      const wordProperties = parseTitle(wordAttributes.title);
      const confidence = wordProperties.get('x_wconf');
      words.push({
        text,
        ...(wordProperties.has('bbox')
          ? { bbox: this.boxOf(wordProperties, 'ocrx_word', wordAttributes.id ?? id) }
          : {}),
        ...(confidence !== undefined && !Number.isNaN(Number(confidence))
          ? { confidence: Number(confidence) / 100 }
          : {}),
      });
      return false;
    });
    // hOCR from tools that write no word elements still has the line's text.
    const text = words.length
      ? words.map((word) => word.text).join(' ')
      : textOf(node).replace(/\s+/g, ' ').trim();
    if (!text) return;
    const lineProperties = Object.fromEntries([...properties].filter(([key]) => key !== 'bbox'));
    const layout: LineLayout = {
      ...scope,
      bbox,
      ...(Object.keys(lineProperties).length ? { properties: lineProperties } : {}),
    };
    this.segments.push({ id, source: text, text, ...(words.length ? { words } : {}), layout });
    if (lineClass !== 'ocr_line') this.extra.lineClasses[id] = lineClass;
  }

  private optionalBox(title: string | undefined, element: string, id: string): { bbox?: BBox } {
    const properties = parseTitle(title);
    return properties.has('bbox') ? { bbox: this.boxOf(properties, element, id) } : {};
  }

  private boxOf(properties: Map<string, string>, element: string, id: string | undefined): BBox {
    const numbers = (properties.get('bbox') ?? '').trim().split(/\s+/).map(Number);
    if (numbers.length !== 4 || numbers.some((value) => !Number.isFinite(value))) {
      const line = id ? lineOfAttribute(this.content, id) : undefined;
      const name = id ? `${element} "${id}"` : element;
      throw new FormatError(this.fileName, `${name} has no valid bbox in its title`, { line });
    }
    const [x0, y0, x1, y1] = numbers as [number, number, number, number];
    return { x0, y0, x1, y1 };
  }
}

function classesOf(node: XmlNode): string[] {
  return (attributesOf(node).class ?? '').split(/\s+/);
}

/** `image "a; b.png"; bbox 0 0 10 10; ppageno 0` → ordered key → value, quoted values kept quoted. */
/**
 * `bbox 10 20 30 40; x_wconf 96; image "/a;b.png"`: properties separated by `;` outside double
 * quotes, each a name and a value. One pass: the regular expression this replaces could split a
 * long title with an unclosed quote in quadratically many ways, from every position.
 */
function parseTitle(title: string | undefined): Map<string, string> {
  const properties = new Map<string, string>();
  const text = title ?? '';
  const add = (part: string) => {
    const property = part.trim();
    if (!property) return;
    const space = property.search(/\s/);
    if (space < 0) properties.set(property, '');
    else properties.set(property.slice(0, space), property.slice(space).trim());
  };
  let start = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '\\') index++;
      else if (character === '"') quoted = false;
    } else if (character === '"') quoted = true;
    else if (character === ';') {
      add(text.slice(start, index));
      start = index + 1;
    }
  }
  add(text.slice(start));
  return properties;
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value;
}

// ---------------------------------------------------------------------------------------------
// Writing

function writeHocr(document: NekoDocument): string {
  assertWritable(document);
  const extra = extraOf<HocrExtra>(document, 'hocr');
  const pages = document.pages ?? [];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"',
    '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">',
    ' <head>',
    '  <title></title>',
    '  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>',
    `  <meta name='ocr-system' content='${escapeXml(extra.system ?? 'NeKo Studio')}' />`,
    "  <meta name='ocr-capabilities' content='ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf'/>",
    ' </head>',
    ' <body>',
  ];
  for (const page of pages) {
    const lines = document.segments.filter((segment) => segment.layout?.page === page.index);
    const pageNumber = page.index + 1;
    const image =
      page.image !== undefined ? `image "${page.image.replace(/(["\\])/g, '\\$1')}"; ` : '';
    const more = extra.pageProperties?.[page.index] ?? `ppageno ${page.index}`;
    const title = `${image}bbox 0 0 ${page.width} ${page.height}${more ? `; ${more}` : ''}`;
    out.push(
      `  <div class='ocr_page' id='page_${pageNumber}' title='${escapeSingleQuoted(title)}'>`,
    );
    let wordNumber = 0;
    let unnamed = 0;
    for (const block of groupBy(lines, (segment) => segment.layout?.blockId)) {
      const blockId = block.key ?? `block_${pageNumber}_new${++unnamed}`;
      const blockBox = extra.blocks?.[blockId]?.bbox ?? unionOf(block.items);
      out.push(
        `   <div class='ocr_carea' id='${escapeXml(blockId)}' title="bbox ${boxText(blockBox)}">`,
      );
      for (const paragraph of groupBy(block.items, (segment) => segment.layout?.paragraphId)) {
        const paragraphId = paragraph.key ?? `par_${pageNumber}_new${++unnamed}`;
        const known = extra.paragraphs?.[paragraphId];
        const lang = known?.lang ? ` lang='${escapeXml(known.lang)}'` : '';
        const box = known?.bbox ?? unionOf(paragraph.items);
        out.push(
          `    <p class='ocr_par' id='${escapeXml(paragraphId)}'${lang} title="bbox ${boxText(box)}">`,
        );
        for (const segment of paragraph.items) {
          const layout = segment.layout as LineLayout;
          const lineClass = extra.lineClasses?.[segment.id] ?? 'ocr_line';
          const properties = Object.entries(layout.properties ?? {}).map(
            ([key, value]) => `; ${key} ${value}`,
          );
          const lineTitle = `bbox ${boxText(layout.bbox)}${properties.join('')}`;
          out.push(
            `     <span class='${lineClass}' id='${escapeXml(segment.id)}' title="${escapeXml(lineTitle)}">`,
          );
          for (const word of lineWords(segment, layout)) {
            wordNumber++;
            const confidence =
              word.confidence !== undefined ? `; x_wconf ${Math.round(word.confidence * 100)}` : '';
            const wordTitle = `bbox ${boxText(word.bbox ?? layout.bbox)}${confidence}`;
            out.push(
              `      <span class='ocrx_word' id='word_${pageNumber}_${wordNumber}' title='${wordTitle}'>${escapeXml(word.text)}</span>`,
            );
          }
          out.push('     </span>');
        }
        out.push('    </p>');
      }
      out.push('   </div>');
    }
    out.push('  </div>');
  }
  out.push(' </body>', '</html>', '');
  return out.join('\n');
}

function boxText(box: BBox): string {
  return `${box.x0} ${box.y0} ${box.x1} ${box.y1}`;
}
