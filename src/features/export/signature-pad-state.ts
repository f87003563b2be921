/**
 * What a signature pad holds, as plain data: strokes drawn with a finger, mouse or pen (pointer
 * events), or a typed name for anyone who cannot or would rather not draw (keyboard users, screen
 * reader users, a shaky hand). Pure: the canvas only renders this state.
 */
export interface PadPoint {
  readonly x: number;
  readonly y: number;
}

export type PadMode = 'draw' | 'type';

export interface PadState {
  readonly mode: PadMode;
  readonly strokes: readonly (readonly PadPoint[])[];
  /** True between pointerdown and pointerup/cancel. */
  readonly drawing: boolean;
  readonly typed: string;
}

export type PadAction =
  | { readonly type: 'mode'; readonly mode: PadMode }
  | { readonly type: 'start'; readonly point: PadPoint }
  | { readonly type: 'move'; readonly point: PadPoint }
  | { readonly type: 'end' }
  | { readonly type: 'clear' }
  | { readonly type: 'typed'; readonly text: string };

export const emptyPad: PadState = { mode: 'draw', strokes: [], drawing: false, typed: '' };

/** The longest typed signature kept (it is drawn on one line). */
export const MAX_TYPED = 80;

export function padReducer(state: PadState, action: PadAction): PadState {
  switch (action.type) {
    case 'mode':
      return state.mode === action.mode ? state : { ...state, mode: action.mode, drawing: false };
    case 'start':
      if (state.mode !== 'draw') return state;
      return { ...state, drawing: true, strokes: [...state.strokes, [action.point]] };
    case 'move': {
      const last = state.strokes.at(-1);
      if (!state.drawing || last === undefined) return state;
      return { ...state, strokes: [...state.strokes.slice(0, -1), [...last, action.point]] };
    }
    case 'end':
      return state.drawing ? { ...state, drawing: false } : state;
    case 'clear':
      // Clears what the current mode shows, so "Clear" never wipes the other, hidden input.
      return state.mode === 'draw' ? { ...state, strokes: [], drawing: false } : { ...state, typed: '' };
    case 'typed':
      return { ...state, typed: action.text.slice(0, MAX_TYPED) };
  }
}

function strokeLength(stroke: readonly PadPoint[]): number {
  let length = 0;
  for (let i = 1; i < stroke.length; i += 1) {
    const a = stroke[i - 1];
    const b = stroke[i];
    if (a !== undefined && b !== undefined) length += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return length;
}

/** Ink needed before a drawing counts as a signature: a stray tap is not one. In canvas units. */
export const MIN_INK = 30;

export type PadResult = { readonly kind: 'drawn'; readonly strokes: readonly (readonly PadPoint[])[] } | { readonly kind: 'typed'; readonly text: string };

/** The signature the pad holds now, or null when there is none (yet). */
export function padResult(state: PadState): PadResult | null {
  if (state.mode === 'type') {
    const text = state.typed.trim();
    return text === '' ? null : { kind: 'typed', text };
  }
  const ink = state.strokes.reduce((sum, stroke) => sum + strokeLength(stroke), 0);
  return ink >= MIN_INK ? { kind: 'drawn', strokes: state.strokes } : null;
}
