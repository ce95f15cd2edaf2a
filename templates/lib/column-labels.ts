// META-02: a page is either a column page, with all four column labels (ColumnName,
// ColumnDescription, ColumnKeywords, ColumnType), or carries none of them; an article page
// carries its column's ColumnName and ColumnType (META-03). The pages that stand as columns of
// their own (home, search, site map, topics, accessibility statement) make their labels here,
// as the column list pages do, so that no page can carry half of them (issue 25).

/** A `<meta name content>` pair for BaseLayout; a label without a value is left out. */
export type PageLabel = [name: string, value: string | undefined];

export interface ColumnLabelValues {
  name: string;
  type: string;
  description: string;
  keywords: readonly string[];
}

export function columnLabels({ name, type, description, keywords }: ColumnLabelValues): PageLabel[] {
  // BaseLayout drops an empty label: a column without keywords is labelled by its own name.
  const words = keywords.map((k) => k.trim()).filter((k) => k !== '');
  return [
    ['ColumnName', name],
    ['ColumnDescription', description],
    ['ColumnKeywords', (words.length > 0 ? words : [name]).join(',')],
    ['ColumnType', type],
  ];
}
