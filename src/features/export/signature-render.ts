/** Draws a signature on a canvas and turns it into the PNG the summary embeds. */
import type { PadPoint, PadResult } from './signature-pad-state';

export const PAD_WIDTH = 600;
export const PAD_HEIGHT = 200;

export function renderPad(ctx: CanvasRenderingContext2D, strokes: readonly (readonly PadPoint[])[]): void {
  ctx.clearRect(0, 0, PAD_WIDTH, PAD_HEIGHT);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (first === undefined) continue;
    ctx.beginPath();
    ctx.moveTo(first.x, first.y);
    // A single tap still leaves a dot.
    if (rest.length === 0) ctx.lineTo(first.x + 0.5, first.y);
    for (const p of rest) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
}

/** A transparent PNG of the signature (typed names are written in an italic hand). */
export async function signatureToPng(result: PadResult): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = PAD_WIDTH;
  canvas.height = PAD_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('Canvas is not available.');
  if (result.kind === 'drawn') renderPad(ctx, result.strokes);
  else {
    ctx.fillStyle = '#111';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    let size = 64;
    do {
      ctx.font = `italic ${String(size)}px serif`;
      size -= 4;
    } while (size > 16 && ctx.measureText(result.text).width > PAD_WIDTH - 40);
    ctx.fillText(result.text, PAD_WIDTH / 2, PAD_HEIGHT / 2);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('The signature image could not be made.');
  return new Uint8Array(await blob.arrayBuffer());
}
