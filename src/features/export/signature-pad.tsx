import { useEffect, useId, useRef, type Dispatch, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { padResult, MAX_TYPED, type PadAction, type PadPoint, type PadState } from './signature-pad-state';
import { renderPad, PAD_HEIGHT, PAD_WIDTH } from './signature-render';

export interface SignaturePadProps {
  /** Whose signature, e.g. "the caseworker": used in the canvas's accessible name. */
  who: string;
  /** Controlled: the parent holds the state (useReducer(padReducer, emptyPad)) and reads padResult(). */
  state: PadState;
  dispatch: Dispatch<PadAction>;
}

/**
 * A signature drawn with a finger, mouse or pen (pointer events, so all three work the same), or,
 * for keyboard and screen reader users, a typed name. Clear starts again. The canvas is labelled
 * and announced as an image of the signature; the typed mode is the keyboard path.
 */
export function SignaturePad({ who, state, dispatch }: SignaturePadProps) {
  const { t } = useTranslation('export');
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const signed = padResult(state) !== null;

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (ctx) renderPad(ctx, state.strokes);
  }, [state.strokes, state.mode]);


  const point = (event: PointerEvent<HTMLCanvasElement>): PadPoint => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) / rect.width) * PAD_WIDTH, y: ((event.clientY - rect.top) / rect.height) * PAD_HEIGHT };
  };

  return (
    <div className="signature-pad">
      <fieldset>
        <legend>{t('pad.mode.legend')}</legend>
        {(['draw', 'type'] as const).map((mode) => (
          <div className="export-check" key={mode}>
            <input
              type="radio"
              id={`${id}-${mode}`}
              name={`${id}-mode`}
              checked={state.mode === mode}
              onChange={() => dispatch({ type: 'mode', mode })}
            />
            <label htmlFor={`${id}-${mode}`}>{t(`pad.mode.${mode}`)}</label>
          </div>
        ))}
      </fieldset>
      {state.mode === 'draw' ? (
        <>
          <p className="hint" id={`${id}-hint`}>
            {t('pad.drawHint')}
          </p>
          <canvas
            ref={canvasRef}
            className="signature-pad__canvas"
            width={PAD_WIDTH}
            height={PAD_HEIGHT}
            role="img"
            aria-label={t('pad.canvasLabel', { who })}
            aria-describedby={`${id}-hint`}
            onPointerDown={(event) => {
              event.preventDefault();
              event.currentTarget.setPointerCapture(event.pointerId);
              dispatch({ type: 'start', point: point(event) });
            }}
            onPointerMove={(event) => {
              if (state.drawing) dispatch({ type: 'move', point: point(event) });
            }}
            onPointerUp={() => dispatch({ type: 'end' })}
            onPointerCancel={() => dispatch({ type: 'end' })}
          />
        </>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-typed`}>
            {t('pad.typedLabel', { who })}
          </label>
          <input
            id={`${id}-typed`}
            type="text"
            autoComplete="off"
            maxLength={MAX_TYPED}
            value={state.typed}
            onChange={(event) => dispatch({ type: 'typed', text: event.target.value })}
          />
        </div>
      )}
      <div className="export-actions">
        <Button onClick={() => dispatch({ type: 'clear' })} disabled={state.mode === 'draw' ? state.strokes.length === 0 : state.typed === ''}>
          {t('pad.clear', { who })}
        </Button>
        <p className="signature-pad__state" role="status">
          {signed ? t('pad.state.signed') : t('pad.state.empty')}
        </p>
      </div>
    </div>
  );
}
