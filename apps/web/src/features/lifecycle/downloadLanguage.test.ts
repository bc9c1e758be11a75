import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES, minutesPath } from '@moot/protocol';
import { fileNameOf, inLanguage } from './charterExport.ts';

describe('a download in the reader’s language', () => {
  it('asks for a Markdown download in the page’s language, and leaves JSON (which carries codes) as it is', () => {
    expect(inLanguage(HTTP_ROUTES.charterMarkdown, 'cy')).toBe('/api/export/charter.md?lang=cy');
    expect(inLanguage(minutesPath('md', 's1'), 'en')).toBe('/api/export/sessions/s1/minutes.md?lang=en');
    expect(inLanguage(HTTP_ROUTES.charterJson, 'cy')).toBe(HTTP_ROUTES.charterJson);
    expect(inLanguage(HTTP_ROUTES.charterMarkdown, 'fr')).toBe(HTTP_ROUTES.charterMarkdown);
  });

  it('names the file without the query when the server gives no name', () => {
    expect(fileNameOf(null, '/api/export/charter.md?lang=cy')).toBe('charter.md');
    expect(fileNameOf('attachment; filename="minutes.md"', '/x?lang=cy')).toBe('minutes.md');
  });
});
