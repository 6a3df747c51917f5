// Demo attachments that are not photos, made here so the demo never points off this server: a
// short WAV recording (tones, for the audio player) and a small web page (for the website
// preview). Both are written into the file store next to the sample photos.

/** 16-bit mono PCM WAV of a few tones with silences between them. */
export function demoWav(sampleRate = 16_000): Uint8Array {
  const notes = [440, 0, 523.25, 0, 659.25, 0, 523.25];
  const noteSeconds = 0.35;
  const samples = Math.round(notes.length * noteSeconds * sampleRate);
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write("WAVE", 8, "ascii");
  buf.write("fmt ", 12, "ascii");
  buf.writeUInt32LE(16, 16); // PCM header size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / sampleRate;
    const freq = notes[Math.floor(t / noteSeconds)] ?? 0;
    const inNote = (t % noteSeconds) / noteSeconds;
    const envelope = Math.sin(Math.PI * inNote); // no clicks at note edges
    const v = freq ? Math.sin(2 * Math.PI * freq * t) * envelope * 0.4 : 0;
    buf.writeInt16LE(Math.round(v * 32767), 44 + i * 2);
  }
  return buf;
}

export function demoWebPage(): Uint8Array {
  return Buffer.from(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corner Bakery</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}</style>
</head><body>
<h1>Corner Bakery</h1>
<p>Fresh bread and pastries every morning.</p>
<h2>Opening hours</h2>
<p>Monday to Friday 7:00–18:00, Saturday 8:00–14:00, closed on Sunday.</p>
<h2>Contact</h2>
<p>Phone: +1 555 0100</p>
</body></html>
`);
}
