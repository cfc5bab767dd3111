/**
 * Waveform peaks: one unsigned byte per bucket of PEAK_BUCKETS_PER_SECOND-th of a
 * second, the bucket's largest absolute sample scaled to 0–255. A 2-hour recording is
 * 72 000 bytes, small enough to keep on the recording row and send with it.
 *
 * Because a bucket's peak is a maximum, a new chunk only ever raises the last
 * (partial) bucket and appends new ones: merging is exact and touches only the tail,
 * so peaks are kept up to date per chunk without re-reading earlier audio.
 */
export const PEAK_BUCKETS_PER_SECOND = 10;

export function samplesPerBucket(sampleRate: number): number {
  return Math.max(1, Math.round(sampleRate / PEAK_BUCKETS_PER_SECOND));
}

/**
 * Peaks after appending `pcm` (PCM16 LE) that starts at sample `startSample` of the
 * recording. `existing` covers samples [0, startSample); it is not modified.
 */
export function appendPeaks(existing: Uint8Array | null, pcm: Uint8Array, startSample: number, sampleRate: number): Uint8Array {
  const per = samplesPerBucket(sampleRate);
  const samples = Math.floor(pcm.length / 2);
  const totalBuckets = Math.ceil((startSample + samples) / per);
  const out = new Uint8Array(Math.max(totalBuckets, existing?.length ?? 0));
  if (existing) out.set(existing);
  const view = new DataView(pcm.buffer, pcm.byteOffset, samples * 2);
  for (let i = 0; i < samples; i++) {
    const s = view.getInt16(i * 2, true);
    const level = Math.min(255, Math.round((Math.abs(s) / 32768) * 255));
    const bucket = Math.floor((startSample + i) / per);
    if (level > out[bucket]!) out[bucket] = level;
  }
  return out;
}
