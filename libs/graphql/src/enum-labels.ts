/** GraphQL enum value descriptions (registerEnumType valuesConfig) from a table of Chinese labels. */
export function describedBy(labels: Record<string, string>): Record<string, { description: string }> {
  return Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, { description: label }]));
}
