// {{variable}} / {{variable|default}} templates in playbook text. A value that is not
// known renders as a visible placeholder `<variable>`: a command with a blank where a
// namespace should be is worse than one that shows what to fill in.
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^}]*))?\}\}/g;

export type TemplateValues = Partial<Record<string, string>>;

export function templateVariablesIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_whole, name: string, fallback: string | undefined) => {
    const value = values[name];
    if (value !== undefined && value !== '') return value;
    if (fallback !== undefined && fallback.trim() !== '') return fallback.trim();
    return `<${name}>`;
  });
}
