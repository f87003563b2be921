import { useId, useRef, useState } from 'react';

interface Props {
  label: string;
  help: string;
  /** Called with the chosen file; the input is cleared afterwards so the same file can be chosen again. */
  onFile: (file: File) => Promise<void>;
  disabled?: boolean;
}

/** A labelled file input for one .pem file. The native control is keyboard- and screen-reader-usable. */
export function FilePicker({ label, help, onFile, disabled = false }: Props) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p id={`${id}-help`} className="field__help">
        {help}
      </p>
      <input
        ref={ref}
        id={id}
        className="input"
        type="file"
        accept=".pem,.crt,.cer,.csr,application/x-pem-file,application/x-x509-ca-cert,text/plain"
        aria-describedby={`${id}-help`}
        disabled={disabled || busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          setBusy(true);
          void onFile(file).finally(() => {
            setBusy(false);
            if (ref.current) ref.current.value = '';
          });
        }}
      />
    </div>
  );
}
