/** What the importer changed or dropped while converting an upload, when anything. */
export function ConversionWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul aria-label="Warnings from the conversion" className="mt-2 list-disc space-y-1 rounded border border-yellow bg-yellow-light py-2 pl-8 pr-3 text-yellow-dark">
      {warnings.map((warning, i) => (
        <li key={i}>{warning}</li>
      ))}
    </ul>
  );
}
