/**
 * Saves text as a file the person keeps: Blob → object URL → a temporary <a download>. Nothing
 * leaves the device. File names are fixed and neutral (never a person's name). The CSP needs no
 * blob: source for this: a download is neither a fetch nor a navigation the policy governs
 * (tests/e2e/identity.e2e.ts downloads under the production CSP with the guard watching).
 */
export function downloadText(fileName: string, text: string, type = 'application/x-pem-file'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked later: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Neutral names of the files this feature writes. */
export const FILE_NAMES = {
  request: 'certificate-request.pem',
  certificate: 'certificate.pem',
  root: 'organisation-root.pem',
} as const;
