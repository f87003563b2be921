import { useEffect, useMemo } from 'react';

/** A link that saves bytes as a PDF under a neutral name; the object URL lives as long as the link. */
export function DownloadLink({ bytes, fileName, children }: { bytes: Uint8Array; fileName: string; children: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/pdf' })), [bytes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a className="export-download" href={url} download={fileName}>
      {children}
    </a>
  );
}
