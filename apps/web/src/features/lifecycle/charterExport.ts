import { markdownIn, MARKDOWN_LANGUAGES, type HttpError, type MarkdownLanguage } from '@moot/protocol';
import type { RequestError } from '../../api/http.ts';

export type ExportFormat = 'json' | 'markdown';

/** The file name the server gives in `Content-Disposition`, or the last part of the route (its query aside). */
export function fileNameOf(disposition: string | null, route: string): string {
  const match = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  const path = route.split('?')[0]!;
  return match?.[1] ?? path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A download in the reader's language: a Markdown one asks for it (`?lang=`; the server writes
 * in English those it does not word yet), a JSON one carries codes the pages word, so is as it is.
 */
export function inLanguage(route: string, language: string): string {
  const asked = (MARKDOWN_LANGUAGES as readonly string[]).includes(language);
  return route.endsWith('.md') && asked ? markdownIn(route, language as MarkdownLanguage) : route;
}

/**
 * Fetches an export (with the session cookie, or the given headers) and saves it as a file through
 * a Blob URL. Returns null when done, or what went wrong.
 */
export async function downloadExport(route: string, headers: Record<string, string>): Promise<RequestError | null> {
  let response: Response;
  try {
    response = await fetch(route, { credentials: 'same-origin', headers });
  } catch {
    return { code: 'network', message: 'Network error' };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as HttpError | null;
    return body?.error ?? { code: 'unexpected', message: `HTTP ${response.status}` };
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), route);
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return null;
}
