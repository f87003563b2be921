import { useId, useState, type ReactNode } from 'react';

interface FileDropZoneProps {
  readonly label: string;
  readonly hint: string;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  /** The files chosen or dropped (never empty). */
  readonly onFiles: (files: File[]) => void;
  readonly children?: ReactNode;
}

/** A labelled file picker that also takes files dropped on it (verify screen, received cases). */
export function FileDropZone({ label, hint, accept, multiple = false, disabled = false, onFiles, children }: FileDropZoneProps) {
  const id = useId();
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const list = [...(files ?? [])];
    if (list.length > 0) onFiles(multiple ? list : list.slice(0, 1));
  };
  return (
    <div
      className={`verify-drop${over ? ' verify-drop--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files);
      }}
    >
      <label className="field__label" htmlFor={`${id}-file`}>
        {label}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        multiple={multiple}
        accept={accept}
        disabled={disabled}
        onChange={(event) => {
          take(event.target.files);
          event.target.value = '';
        }}
      />
      <p className="hint">{hint}</p>
      {children}
    </div>
  );
}
