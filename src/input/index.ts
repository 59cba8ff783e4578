/**
 * One reading of every input file, shared by the `wfp` CLI and the task pane. Pure: it takes bytes or text, never
 * a path (no Node fs), so the task pane can read a dropped file with the same code.
 *
 *   decodeText(bytes, source)         → { text, encoding }: UTF-8 (BOM or not), UTF-16 by BOM, else Windows-1252;
 *                                        a binary file (zip/xlsx, image, PDF, NULs) is refused, never echoed.
 *   parseCsv(text, source)            → CsvTable { headers, headerLine, records: { line, cells }[] }: every record
 *                                        keeps the FILE line it starts on; more than Excel's 1,048,576 rows or
 *                                        16,384 columns is refused up front.
 *   readColumns(table, spec, opts?)   → { rows: { line, values, record }[], headerOf, others, warnings, error() }
 *
 * A column spec names each column a reader wants, with its synonyms and a cell reader:
 *
 *   const spec = {
 *     costCentre: column("Cost centre", { synonyms: ["Cost center", "CC"], read: textCell, required: true }),
 *     wte: column("WTE", { synonyms: ["FTE"], read: wteCell, blank: 1,
 *                          also: [{ names: ["Contracted hours"], read: hoursAsWteCell(37.5) }] }),
 *     start: column<string | null>("Start date", { read: dateCell, blank: null }),
 *   } satisfies ColumnSpecs;
 *   const table = readColumns(parseCsv(decodeText(bytes, "esr.csv").text, "esr.csv"), spec);
 *   table.rows[0].values.wte  // number, typed from the spec
 *   for (const w of table.warnings) io.err(`wfp: note: ${w}\n`);   // headers not used, said once
 *   throw table.error(row, "start", "is after the end date");      // "esr.csv line 7, column 'Start': …"
 *
 * Rules every reader gets: headers match by name or synonym ignoring case, spaces and punctuation; the same header
 * twice, or two headers for one column (WTE and FTE, WTE and Contracted hours), are refused; a `required` column
 * must be present and no cell of it blank; otherwise a blank cell (or an absent column) gives `blank`; a cell
 * reader's DomainError becomes "<source> line <file line>, column '<header as in the file>': <reason>".
 * `others: "keep"` hands unmatched headers to the caller (the skills CSV's competence columns) instead of warning.
 *
 * Cell readers (cells.ts): textCell, numberCell(what, min, max), wteCell, hoursAsWteCell(fullTimeHours), bandCell,
 * payPointCell (a name or 1–3; resolve against the band with the domain's payPointOf, which refuses a point the
 * band lacks and lists the band's points), hcasZoneCell, dateCell (yyyy-mm-dd or dd/mm/yyyy, on the calendar,
 * returned as yyyy-mm-dd), postStatusCell.
 *
 * Readers built on it: readTeamCsv/readTeamFile (team.csv → PlannedPost[]; teamColumns(pay, year) is its spec,
 * to extend with your own columns) and readTeamSkillsCsv/readTeamSkillsFile (team skills CSV).
 */
export * from "./cells";
export * from "./columns";
export * from "./csv";
export * from "./grid";
export * from "./decode";
export * from "./skills";
export * from "./team";
export * from "./establishment";
export * from "./forecastTeam";
