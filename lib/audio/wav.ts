/**
 * The 44-byte RIFF/WAVE header for the PCM16 little-endian mono audio Omi sends
 * (docs/OMI.md §3). A recording's WAV is this header followed by its chunks'
 * bytes in arrival order; nothing else is stored, so the header is built per request.
 */
export const WAV_HEADER_BYTES = 44;
const BITS_PER_SAMPLE = 16;
const CHANNELS = 1;

export function wavHeader(sampleRate: number, dataBytes: number): Uint8Array {
  const out = new Uint8Array(WAV_HEADER_BYTES);
  const view = new DataView(out.buffer);
  const blockAlign = (CHANNELS * BITS_PER_SAMPLE) / 8;
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size for PCM
  view.setUint16(20, 1, true); // audio format: PCM
  view.setUint16(22, CHANNELS, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true); // byte rate
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, BITS_PER_SAMPLE, true);
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  return out;
}

/** Seconds of audio in `bytes` of PCM16 mono. */
export function pcmSeconds(bytes: number, sampleRate: number): number {
  return bytes / 2 / sampleRate;
}
