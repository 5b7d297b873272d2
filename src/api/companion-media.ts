import type { NekoDocument } from '../document/types.js';
import type { UnusedFile } from './types.js';

const AUDIO_OR_VIDEO = /\.(wav|mp3|ogg|oga|opus|flac|m4a|aac|mp4|webm)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|tiff?|bmp)$/i;

export const isAudioName = (name: string) => AUDIO_OR_VIDEO.test(name);
export const isImageName = (name: string) => IMAGE.test(name);

const baseName = (reference: string) => reference.split(/[\\/]/).pop() ?? reference;

export interface PairedMedia {
  document: NekoDocument;
  /** The picked files the document does not use, each with the reason, so the UI can say so. */
  notUsed: UnusedFile[];
}

/**
 * Pairs the files the user picked with a document. The user's choice wins over the names written
 * inside the document: SRT names no audio, and an hOCR names the image file as it was called when
 * the page was recognized, which a renamed copy no longer matches. A picked file whose name the
 * document already uses stays where it is; the other picked images go to the pages in order, first
 * to pages that name none, then to pages whose named image was not picked. Nothing is dropped
 * silently: every picked file left over is returned with the reason.
 */
export function pairCompanionMedia(
  document: NekoDocument,
  companionNames: readonly string[],
): PairedMedia {
  let result = document;
  const notUsed: UnusedFile[] = [];
  const audio = companionNames.filter(isAudioName);
  const images = companionNames.filter(isImageName);
  const other = companionNames.filter((name) => !isAudioName(name) && !isImageName(name));

  for (const name of other) {
    notUsed.push({
      name,
      reason: `one document opens at a time; “${document.source.name}” was opened`,
    });
  }

  if (document.kind === 'scan') {
    for (const name of audio) notUsed.push({ name, reason: 'a scan has no audio' });
  } else if (audio.length > 0) {
    const named = document.media?.audio;
    const chosen = audio.find((name) => named && baseName(named) === name) ?? audio[0]!;
    if (named !== chosen) result = { ...result, media: { ...result.media, audio: chosen } };
    for (const name of audio) {
      if (name !== chosen)
        notUsed.push({ name, reason: `only one audio file is used: “${chosen}”` });
    }
  }

  const pages = document.pages ?? [];
  if (pages.length === 0) {
    for (const name of images) {
      notUsed.push({
        name,
        reason:
          document.kind === 'scan'
            ? 'the scan has no page layout to show an image with'
            : 'a transcript has no page images',
      });
    }
  } else if (images.length > 0) {
    const picked = new Set(images);
    const keeps = (image: string | undefined) => image !== undefined && picked.has(baseName(image));
    const free = images.filter(
      (name) => !pages.some((page) => keeps(page.image) && baseName(page.image!) === name),
    );
    const assigned = new Map<number, string>();
    const order = [
      ...pages.filter((page) => !page.image),
      ...pages.filter((page) => page.image && !keeps(page.image)),
    ];
    for (const page of order) {
      const next = free.shift();
      if (next === undefined) break;
      assigned.set(page.index, next);
    }
    if (assigned.size > 0) {
      result = {
        ...result,
        pages: pages.map((page) =>
          assigned.has(page.index) ? { ...page, image: assigned.get(page.index)! } : page,
        ),
      };
    }
    const count = pages.length;
    for (const name of free) {
      notUsed.push({
        name,
        reason: `the scan has ${count} page${count === 1 ? '' : 's'}, each with its image already`,
      });
    }
  }
  return { document: result, notUsed };
}

/** The document with the picked media paired (pairCompanionMedia), without the report. */
export function withCompanionMedia(
  document: NekoDocument,
  companionNames: readonly string[],
): NekoDocument {
  return pairCompanionMedia(document, companionNames).document;
}
