/** The bytes of a chosen file, as the server reads them (the encoding is checked there). */
export async function fileBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A share (0–1) as a whole-number-ish percentage for reading. */
export const percent = (share: number): string => String(Math.round(share * 1000) / 10);
