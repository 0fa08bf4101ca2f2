/** Import of a department spreadsheet: file, column mapping, preview, progress, summary with undo. */
export function ImportWizard(props: { onClose(changed: boolean): void }) {
  void props;
  return null;
}
