import { DomainError, invalid, normalizeText } from "../domain";
import type { CsvRecord, CsvTable } from "./csv";

/** One way of reading a column: the headers it answers to and how a non-blank cell under them is read. */
export interface ColumnReading<T> {
  /** Header names, compared without case, spaces or punctuation ("Pay band" = "pay-band" = "PAYBAND"). */
  readonly names: readonly string[];
  /** Reads a trimmed, non-blank cell; throws (a DomainError) with the reason when the cell is wrong. */
  readonly read: (cell: string) => T;
}

/** A column a reader wants: its canonical name (said in messages), the headers it answers to, how to read it. */
export interface ColumnSpec<T> {
  readonly name: string;
  /** The first reading's first name is the canonical name; later readings convert (hours → WTE). */
  readonly readings: readonly ColumnReading<T>[];
  /** A required column must be in the file and no cell of it may be blank. */
  readonly required: boolean;
  /** The value of a blank cell or an absent optional column. */
  readonly blank: { readonly value: T } | null;
}

/** A column; give `blank` for an optional one (its value when blank or absent), or `required: true`. */
export function column<T>(
  name: string,
  options: { synonyms?: readonly string[]; read: (cell: string) => T; also?: readonly ColumnReading<T>[] } & ({ required: true } | { blank: T }),
): ColumnSpec<T> {
  return {
    name,
    readings: [{ names: [name, ...(options.synonyms ?? [])], read: options.read }, ...(options.also ?? [])],
    required: "required" in options,
    blank: "blank" in options ? { value: options.blank } : null,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ColumnSpecs = Record<string, ColumnSpec<any>>;
export type RowValues<S extends ColumnSpecs> = { [K in keyof S]: S[K] extends ColumnSpec<infer T> ? T : never };

export interface ReadRow<S extends ColumnSpecs> {
  readonly line: number;
  readonly values: RowValues<S>;
  readonly record: CsvRecord;
}

/** A header the spec does not read: kept for the caller (competence columns) or reported as not used. */
export interface OtherColumn {
  readonly header: string;
  readonly index: number;
}

export interface ReadTable<S extends ColumnSpecs> {
  readonly source: string;
  readonly rows: ReadRow<S>[];
  /** The file's header each column was read from, or undefined when the column is absent. */
  readonly headerOf: { readonly [K in keyof S]: string | undefined };
  /** Headers no column reads, in file order. */
  readonly others: readonly OtherColumn[];
  /** Things to tell the user once (headers not used), each a sentence naming the file. */
  readonly warnings: readonly string[];
  /** An error for one cell or row, naming the file line and the column as the file heads it. */
  error(row: { readonly line: number }, column: keyof S | string, reason: string): DomainError;
}

const quoteList = (names: readonly string[]) => names.map((n) => `'${n}'`).join(", ");

/**
 * Reads a parsed CSV table by a column spec. Headers are matched by name and synonym; two headers for one column
 * (duplicates, or `WTE` beside `FTE`), or the same header twice, are refused; a required column missing is refused
 * with the file's columns listed; every cell error names the file line and the column. Headers the spec does not
 * read are `others`: with `others: "report"` (the default) they become one warning naming them all.
 */
export function readColumns<S extends ColumnSpecs>(table: CsvTable, spec: S, options: { others?: "report" | "keep" } = {}): ReadTable<S> {
  const { source, headers, headerLine } = table;
  const word = table.lineWord ?? "line";
  const at = (line: number, header: string | undefined, reason: string) =>
    invalid(`${source} ${word} ${line}${header === undefined ? "" : `, column '${header}'`}: ${reason}`);

  const seenHeader = new Map<string, string>();
  headers.forEach((h) => {
    const key = normalizeText(h);
    if (key === "") return;
    const first = seenHeader.get(key);
    if (first !== undefined) throw at(headerLine, undefined, `the header has '${first}' and '${h}', two columns of one name; keep one`);
    seenHeader.set(key, h);
  });

  const keys = Object.keys(spec) as (keyof S & string)[];
  const matched = new Map<keyof S, { index: number; reading: ColumnReading<unknown> }>();
  const claimed = new Set<number>();
  for (const key of keys) {
    const c = spec[key]!;
    for (const reading of c.readings) {
      const names = new Set(reading.names.map(normalizeText));
      headers.forEach((h, index) => {
        if (!names.has(normalizeText(h))) return;
        const earlier = matched.get(key);
        if (earlier) {
          throw at(headerLine, undefined, `'${headers[earlier.index]}' and '${h}' both give the ${c.name}; keep one of them`);
        }
        if (claimed.has(index)) throw at(headerLine, h, `two columns of this reader answer to '${h}'`);
        matched.set(key, { index, reading });
        claimed.add(index);
      });
    }
    if (c.required && !matched.has(key)) {
      throw invalid(`${source} has no '${c.name}' column (${word} ${headerLine}); its columns are: ${headers.filter((h) => h !== "").join(", ")}`);
    }
  }

  const others: OtherColumn[] = [];
  headers.forEach((header, index) => {
    if (!claimed.has(index)) others.push({ header, index });
  });
  const warnings: string[] = [];
  if ((options.others ?? "report") === "report") {
    const named = others.filter((o) => o.header !== "").map((o) => o.header);
    if (named.length > 0) warnings.push(`${source}: ${named.length === 1 ? "column" : "columns"} ${quoteList(named)} ${named.length === 1 ? "is" : "are"} not used`);
    const unnamed = others.filter((o) => o.header === "" && table.records.some((r) => (r.cells[o.index] ?? "") !== ""));
    if (unnamed.length > 0) warnings.push(`${source}: ${unnamed.length} column(s) with no header ${unnamed.length === 1 ? "is" : "are"} not used`);
  }

  const rows = table.records.map((record): ReadRow<S> => {
    const values = {} as Record<keyof S, unknown>;
    for (const key of keys) {
      const c = spec[key]!;
      const m = matched.get(key);
      const cell = m === undefined ? "" : (record.cells[m.index] ?? "");
      if (cell === "") {
        if (c.blank === null) throw at(record.line, m === undefined ? c.name : headers[m.index], `the ${c.name} is blank`);
        values[key] = c.blank.value;
        continue;
      }
      try {
        values[key] = m!.reading.read(cell);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        throw at(record.line, headers[m!.index], e.message);
      }
    }
    return { line: record.line, values: values as RowValues<S>, record };
  });

  const headerOf = Object.fromEntries(keys.map((k) => [k, matched.has(k) ? headers[matched.get(k)!.index] : undefined])) as {
    [K in keyof S]: string | undefined;
  };
  return {
    source,
    rows,
    headerOf,
    others,
    warnings,
    error: (row, key, reason) => at(row.line, (headerOf as Record<string, string | undefined>)[key as string] ?? String(spec[key as keyof S]?.name ?? key), reason),
  };
}
