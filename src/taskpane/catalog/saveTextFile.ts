/**
 * Offers text as a file download. Some Office hosts' web views ignore downloads, so the Catalog tab also shows the
 * text for copying; this is the convenient path where it works (Excel on the web, most desktop builds).
 */
export function saveTextFile(name: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
