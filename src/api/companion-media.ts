import type { NekoDocument } from '../document/types.js';

const AUDIO_OR_VIDEO = /\.(wav|mp3|ogg|oga|opus|flac|m4a|aac|mp4|webm)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|tiff?|bmp)$/i;

/**
 * Formats such as SRT do not name their audio, and a scan may not name its page image; when the user
 * picked such files along with the document, they are the ones meant. References the document already
 * has are kept.
 */
export function withCompanionMedia(
  document: NekoDocument,
  companionNames: readonly string[],
): NekoDocument {
  let result = document;
  const audio = companionNames.find((name) => AUDIO_OR_VIDEO.test(name));
  if (audio && document.kind !== 'scan' && !document.media?.audio) {
    result = { ...result, media: { ...result.media, audio } };
  }
  const images = companionNames.filter((name) => IMAGE.test(name));
  if (images.length > 0 && document.pages?.some((page) => !page.image)) {
    let next = 0;
    result = {
      ...result,
      pages: document.pages.map((page) =>
        page.image || next >= images.length ? page : { ...page, image: images[next++] },
      ),
    };
  }
  return result;
}
