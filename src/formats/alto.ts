/**
 * ALTO XML as tesseract 5 writes it: Page > PrintSpace > ComposedBlock > TextBlock > TextLine >
 * String/SP, geometry in HPOS/VPOS/WIDTH/HEIGHT pixels and word confidence in WC (0..1). Tesseract
 * 5.3 declares the ALTO v3 namespace, later versions v4; the elements used are the same in both, and
 * export keeps the namespace the file came with (v4 for documents from other formats).
 *
 * Each TextLine becomes a segment whose id is the line's ID. Export rebuilds the file from the
 * document, as hOCR export does.
 */
import type { BBox, LineLayout, NekoDocument, Page, Segment, Word } from '../document/types.js';
import { extraOf, positionOfOffset } from './common.js';
import { assertWritable, groupBy, lineWords, scanDocument, unionOf } from './page-layout.js';
import { FormatError, type Format, type ParseContext } from './types.js';
import {
  attributesOf,
  childrenOf,
  escapeXml,
  lineOfAttribute,
  lineOfElement,
  parseXml,
  unescapeXml,
  textOf,
  walkElements,
  type XmlNode,
} from './xml.js';

const ALTO_V4 = {
  namespace: 'http://www.loc.gov/standards/alto/ns-v4#',
  schemaLocation:
    'http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/alto/v4/alto-4-2.xsd',
};

interface AltoExtra {
  namespace: string;
  schemaLocation?: string;
  software?: string;
  /** Page IDs and physical image numbers, by page index. */
  pages: Record<number, { id?: string; physicalImageNumber?: string }>;
  /** TextBlock geometry, and the ComposedBlock each TextBlock sits in. */
  blocks: Record<string, { box: BBox; composedBlockId?: string }>;
  composedBlocks: Record<string, BBox>;
}

export const altoFormat: Format = {
  id: 'alto',
  label: 'ALTO XML (tesseract)',
  extensions: ['.xml', '.alto'],

  detect(content) {
    const head = content.slice(0, 65536);
    if (!/<(?:\w+:)?alto[\s>]/.test(head)) return 0;
    return /loc\.gov\/standards\/alto/.test(head) ? 1 : 0.8;
  },

  parse(content, { fileName }: ParseContext): NekoDocument {
    const root = parseXml(content, fileName);
    let alto: XmlNode | undefined;
    walkElements(root, (node, name) => {
      if (name === 'alto') alto = node;
      return false;
    });
    if (!alto) {
      throw new FormatError(fileName, 'no <alto> root element: not an ALTO file', {
        line: lineOfText(content, '<') ?? 1,
      });
    }
    const reader = new AltoReader(content, fileName);
    reader.read(alto);
    return scanDocument('alto', fileName, content, reader);
  },

  serialize(document) {
    return writeAlto(document);
  },
};

class AltoReader {
  readonly pages: Page[] = [];
  readonly segments: Segment[] = [];
  readonly extra: AltoExtra = {
    namespace: ALTO_V4.namespace,
    pages: {},
    blocks: {},
    composedBlocks: {},
  };
  private image?: string;

  constructor(
    private readonly content: string,
    private readonly fileName: string,
  ) {}

  read(alto: XmlNode): void {
    const attributes = attributesOf(alto);
    // The parser drops namespace declarations along with prefixes; the root tag still has them.
    const declared = /<(?:\w+:)?alto\b[^>]*?\sxmlns(?::\w+)?\s*=\s*["']([^"']*alto[^"']*)["']/.exec(
      this.content,
    );
    // Read from the raw text, so its references are resolved here, to be escaped once on export.
    if (declared?.[1]) this.extra.namespace = unescapeXml(declared[1]);
    if (attributes.schemaLocation) this.extra.schemaLocation = attributes.schemaLocation;
    walkElements(childrenOf(alto), (node, name) => {
      if (name === 'MeasurementUnit') {
        const unit = textOf(node).trim();
        if (unit !== 'pixel') {
          throw new FormatError(
            this.fileName,
            `MeasurementUnit "${unit}" is not supported, only pixel`,
            {
              line: lineOfText(this.content, '<MeasurementUnit'),
            },
          );
        }
      } else if (name === 'fileName') {
        this.image = textOf(node).trim() || undefined;
      } else if (name === 'softwareName') {
        this.extra.software = textOf(node).trim();
      } else if (name === 'Page') {
        this.readPage(node);
        return false;
      }
      return true;
    });
    if (!this.pages.length) {
      const line = lineOfElement(this.content, 'Layout') ?? lineOfElement(this.content, 'alto');
      throw new FormatError(this.fileName, 'no <Page> element in the Layout', { line });
    }
  }

  private readPage(pageNode: XmlNode): void {
    const attributes = attributesOf(pageNode);
    const index = this.pages.length;
    const where = { element: 'Page', id: attributes.ID };
    const width = this.number(attributes, 'WIDTH', where);
    const height = this.number(attributes, 'HEIGHT', where);
    this.pages.push({ index, ...(this.image ? { image: this.image } : {}), width, height });
    this.extra.pages[index] = {
      ...(attributes.ID ? { id: attributes.ID } : {}),
      ...(attributes.PHYSICAL_IMG_NR !== undefined
        ? { physicalImageNumber: attributes.PHYSICAL_IMG_NR }
        : {}),
    };

    const visit = (nodes: XmlNode[], composedBlockId: string | undefined) => {
      walkElements(nodes, (node, name) => {
        const nodeAttributes = attributesOf(node);
        if (name === 'ComposedBlock' && nodeAttributes.ID) {
          this.extra.composedBlocks[nodeAttributes.ID] = this.box(nodeAttributes, name);
          visit(childrenOf(node), nodeAttributes.ID);
          return false;
        }
        if (name === 'TextBlock') {
          const blockId = nodeAttributes.ID ?? `block-${Object.keys(this.extra.blocks).length + 1}`;
          this.extra.blocks[blockId] = {
            box: this.box(nodeAttributes, name),
            ...(composedBlockId ? { composedBlockId } : {}),
          };
          for (const line of childrenOf(node)) {
            if (Object.keys(line).includes('TextLine')) this.readLine(line, index, blockId);
          }
          return false;
        }
        return true;
      });
    };
    visit(childrenOf(pageNode), undefined);
  }

  private readLine(lineNode: XmlNode, page: number, blockId: string): void {
    const attributes = attributesOf(lineNode);
    const id = attributes.ID ?? `line-${this.segments.length + 1}`;
    const bbox = this.box(attributes, 'TextLine');
    const words: Word[] = [];
    for (const child of childrenOf(lineNode)) {
      if (!Object.keys(child).includes('String')) continue;
      const stringAttributes = attributesOf(child);
      const text = (stringAttributes.CONTENT ?? '').trim();
      if (!text) continue;
      const confidence = Number(stringAttributes.WC);
      words.push({
        text,
        bbox: this.box(stringAttributes, 'String'),
        ...(stringAttributes.WC !== undefined && Number.isFinite(confidence) ? { confidence } : {}),
      });
    }
    const text = words.map((word) => word.text).join(' ');
    if (!text) return;
    const layout: LineLayout = { page, bbox, blockId };
    this.segments.push({ id, source: text, text, words, layout });
  }

  private box(attributes: Record<string, string>, element: string): BBox {
    const where = { element, id: attributes.ID };
    const x0 = this.number(attributes, 'HPOS', where);
    const y0 = this.number(attributes, 'VPOS', where);
    return {
      x0,
      y0,
      x1: x0 + this.number(attributes, 'WIDTH', where),
      y1: y0 + this.number(attributes, 'HEIGHT', where),
    };
  }

  private number(
    attributes: Record<string, string>,
    name: string,
    where: { element: string; id?: string },
  ): number {
    const value = Number(attributes[name]);
    if (
      attributes[name] === undefined ||
      attributes[name].trim() === '' ||
      !Number.isFinite(value)
    ) {
      const element = where.id ? `${where.element} "${where.id}"` : where.element;
      const line = where.id ? lineOfAttribute(this.content, where.id) : undefined;
      throw new FormatError(this.fileName, `${element} has no valid ${name}`, { line });
    }
    return value;
  }
}

function lineOfText(content: string, text: string): number | undefined {
  const offset = content.indexOf(text);
  return offset >= 0 ? positionOfOffset(content, offset).line : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing

function writeAlto(document: NekoDocument): string {
  assertWritable(document);
  const extra = extraOf<AltoExtra>(document, 'alto');
  const namespace = extra.namespace ?? ALTO_V4.namespace;
  const schemaLocation =
    extra.schemaLocation ?? (namespace === ALTO_V4.namespace ? ALTO_V4.schemaLocation : '');
  const pages = document.pages ?? [];
  const image = pages.find((page) => page.image)?.image;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alto xmlns="${escapeXml(namespace)}" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
      (schemaLocation ? ` xsi:schemaLocation="${escapeXml(schemaLocation)}">` : '>'),
    '\t<Description>',
    '\t\t<MeasurementUnit>pixel</MeasurementUnit>',
    ...(image
      ? [
          '\t\t<sourceImageInformation>',
          `\t\t\t<fileName>${escapeXml(image)}</fileName>`,
          '\t\t</sourceImageInformation>',
        ]
      : []),
    '\t\t<OCRProcessing ID="OCR_0">',
    '\t\t\t<ocrProcessingStep>',
    '\t\t\t\t<processingSoftware>',
    `\t\t\t\t\t<softwareName>${escapeXml(extra.software ?? 'NeKo Studio')}</softwareName>`,
    '\t\t\t\t</processingSoftware>',
    '\t\t\t</ocrProcessingStep>',
    '\t\t</OCRProcessing>',
    '\t</Description>',
    '\t<Layout>',
  ];
  let stringNumber = 0;
  let unnamedBlocks = 0;
  for (const page of pages) {
    const pageExtra = extra.pages?.[page.index] ?? {};
    const size = `WIDTH="${page.width}" HEIGHT="${page.height}"`;
    const imageNumber = pageExtra.physicalImageNumber ?? String(page.index);
    out.push(
      `\t\t<Page ${size} PHYSICAL_IMG_NR="${escapeXml(imageNumber)}" ID="${escapeXml(pageExtra.id ?? `page_${page.index}`)}">`,
      `\t\t\t<PrintSpace HPOS="0" VPOS="0" ${size}>`,
    );
    const lines = document.segments.filter((segment) => segment.layout?.page === page.index);
    const blocks = groupBy(lines, (segment) => segment.layout?.blockId);
    const composed = groupBy(blocks, (block) =>
      block.key ? extra.blocks?.[block.key]?.composedBlockId : undefined,
    );
    for (const group of composed) {
      const composedBox = group.key ? extra.composedBlocks?.[group.key] : undefined;
      const indent = composedBox ? '\t\t\t\t\t' : '\t\t\t\t';
      if (group.key && composedBox) {
        out.push(`\t\t\t\t<ComposedBlock ID="${escapeXml(group.key)}" ${position(composedBox)}>`);
      }
      for (const block of group.items) {
        const blockId = block.key ?? `block_new${++unnamedBlocks}`;
        const blockBox =
          (block.key ? extra.blocks?.[block.key]?.box : undefined) ?? unionOf(block.items);
        out.push(`${indent}<TextBlock ID="${escapeXml(blockId)}" ${position(blockBox)}>`);
        for (const segment of block.items) {
          const layout = segment.layout as LineLayout;
          out.push(`${indent}\t<TextLine ID="${escapeXml(segment.id)}" ${position(layout.bbox)}>`);
          const strings = lineWords(segment, layout).map((word, index, all) => {
            const box = word.bbox ?? layout.bbox;
            const confidence =
              word.confidence !== undefined ? ` WC="${word.confidence.toFixed(2)}"` : '';
            const content = ` CONTENT="${escapeXml(word.text)}"`;
            const string = `<String ID="string_${stringNumber++}" ${position(box)}${confidence}${content}/>`;
            const next = all[index + 1]?.bbox;
            const space = next
              ? `<SP WIDTH="${Math.max(0, next.x0 - box.x1)}" VPOS="${box.y0}" HPOS="${box.x1}"/>`
              : '';
            return `${indent}\t\t${string}${space}`;
          });
          out.push(...strings, `${indent}\t</TextLine>`);
        }
        out.push(`${indent}</TextBlock>`);
      }
      if (group.key && composedBox) out.push('\t\t\t\t</ComposedBlock>');
    }
    out.push('\t\t\t</PrintSpace>', '\t\t</Page>');
  }
  out.push('\t</Layout>', '</alto>', '');
  return out.join('\n');
}

function position(box: BBox): string {
  return `HPOS="${box.x0}" VPOS="${box.y0}" WIDTH="${box.x1 - box.x0}" HEIGHT="${box.y1 - box.y0}"`;
}
