import { MARKED_FIELD, paragraphsOf, type Paragraph } from '@moot/protocol';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * The standard's paragraphs, following its text as it is typed (members mark what they read),
 * read as the server reads them (`paragraphsOf`). `doc` is the copy the standard's fields hold:
 * this hook never holds the document itself, so "show the saved text" still drops the whole
 * local copy.
 */
export function useParagraphs(doc: Y.Doc): Paragraph[] {
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([]);
  useEffect(() => {
    const fragment = doc.getXmlFragment(MARKED_FIELD);
    const read = () => setParagraphs(paragraphsOf(doc));
    read();
    fragment.observeDeep(read);
    return () => fragment.unobserveDeep(read);
  }, [doc]);
  return paragraphs;
}
