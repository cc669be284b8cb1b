/** Checks a translation against the English reference: the same keys, the same placeholders. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function checkCatalogue(reference: Readonly<Record<string, string>>, candidate: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(reference)) {
    const text = candidate[key];
    if (text === undefined) problems.push(`${key}: missing`);
    else if (text.trim() === "") problems.push(`${key}: empty`);
    else if (placeholders(text).join() !== placeholders(reference[key]!).join()) {
      problems.push(`${key}: placeholders {${placeholders(text).join("}, {")}} instead of {${placeholders(reference[key]!).join("}, {")}}`);
    }
  }
  for (const key of Object.keys(candidate)) if (!(key in reference)) problems.push(`${key}: not in the reference`);
  return problems;
}
