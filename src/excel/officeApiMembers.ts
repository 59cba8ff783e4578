/**
 * Every Office.js member the Excel adapter (officeAdapter.ts) uses, with the requirement set that brings it, as
 * tagged in @types/office-js ("[Api set: ExcelApi 1.12]"). Kept beside the adapter on purpose:
 * - test/manifest.test.ts checks each set against @types/office-js, and that manifest.xml declares the highest;
 * - the Office fake (test/support/fakeExcel.ts) refuses a member that is not listed here, or whose set is above
 *   what the manifest declares, so a new call in the adapter cannot slip past the manifest.
 * Requirement sets: https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * Declaring them: https://learn.microsoft.com/en-us/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
 */
export interface ApiMember {
  /** Namespace.Class.member as @types/office-js declares it, e.g. "Excel.Table.resize". */
  readonly member: string;
  readonly set: "ExcelApi";
  readonly version: string;
}

const m = (member: string, version: string): ApiMember => ({ member, set: "ExcelApi", version });

export const OFFICE_API_MEMBERS: readonly ApiMember[] = [
  m("Excel.Workbook.worksheets", "1.1"),
  m("Excel.Workbook.tables", "1.1"),
  m("Excel.Workbook.names", "1.1"),
  m("Excel.Workbook.application", "1.1"),
  m("Excel.Workbook.getSelectedRange", "1.1"),
  m("Excel.Application.calculate", "1.1"),
  m("Excel.WorksheetCollection.add", "1.1"),
  m("Excel.WorksheetCollection.getItem", "1.1"),
  m("Excel.Worksheet.name", "1.1"),
  m("Excel.Worksheet.id", "1.1"),
  m("Excel.Worksheet.getRange", "1.1"),
  m("Excel.Worksheet.delete", "1.1"),
  m("Excel.Worksheet.tables", "1.1"),
  m("Excel.Worksheet.charts", "1.1"),
  m("Excel.Worksheet.freezePanes", "1.7"),
  m("Excel.Worksheet.tabColor", "1.7"),
  m("Excel.Worksheet.pageLayout", "1.9"),
  m("Excel.Worksheet.customProperties", "1.12"),
  m("Excel.WorksheetFreezePanes.freezeRows", "1.7"),
  m("Excel.WorksheetFreezePanes.unfreeze", "1.7"),
  m("Excel.PageLayout.orientation", "1.9"),
  m("Excel.PageLayout.zoom", "1.9"),
  m("Excel.PageLayout.setPrintTitleRows", "1.9"),
  m("Excel.WorksheetCustomPropertyCollection.add", "1.12"),
  m("Excel.WorksheetCustomPropertyCollection.getItem", "1.12"),
  m("Excel.WorksheetCustomPropertyCollection.getItemOrNullObject", "1.12"),
  m("Excel.WorksheetCustomProperty.value", "1.12"),
  m("Excel.WorksheetCustomProperty.delete", "1.12"),
  m("Excel.TableCollection.add", "1.1"),
  m("Excel.TableCollection.getItem", "1.1"),
  m("Excel.TableCollection.getItemOrNullObject", "1.4"),
  m("Excel.Table.name", "1.1"),
  m("Excel.Table.style", "1.1"),
  m("Excel.Table.showTotals", "1.1"),
  m("Excel.Table.getRange", "1.1"),
  m("Excel.Table.getHeaderRowRange", "1.1"),
  m("Excel.Table.getDataBodyRange", "1.1"),
  m("Excel.Table.convertToRange", "1.2"),
  m("Excel.Table.worksheet", "1.2"),
  m("Excel.Table.resize", "1.13"),
  m("Excel.NamedItemCollection.add", "1.4"),
  m("Excel.NamedItemCollection.getItem", "1.1"),
  m("Excel.NamedItemCollection.getItemOrNullObject", "1.4"),
  m("Excel.NamedItem.name", "1.1"),
  m("Excel.NamedItem.type", "1.4"),
  m("Excel.NamedItem.delete", "1.4"),
  m("Excel.Range.address", "1.1"),
  m("Excel.Range.values", "1.1"),
  m("Excel.Range.formulas", "1.1"),
  m("Excel.Range.numberFormat", "1.1"),
  m("Excel.Range.rowCount", "1.1"),
  m("Excel.Range.columnCount", "1.1"),
  m("Excel.Range.format", "1.1"),
  m("Excel.Range.clear", "1.1"),
  m("Excel.Range.getUsedRangeOrNullObject", "1.4"),
  m("Excel.Range.dataValidation", "1.8"),
  m("Excel.Range.conditionalFormats", "1.6"),
  m("Excel.RangeFormat.font", "1.1"),
  m("Excel.RangeFormat.fill", "1.1"),
  m("Excel.RangeFormat.wrapText", "1.1"),
  m("Excel.RangeFormat.horizontalAlignment", "1.1"),
  m("Excel.RangeFormat.verticalAlignment", "1.1"),
  m("Excel.RangeFormat.columnWidth", "1.2"),
  m("Excel.DataValidation.clear", "1.8"),
  m("Excel.DataValidation.rule", "1.8"),
  m("Excel.ConditionalFormatCollection.add", "1.6"),
  m("Excel.ConditionalFormatCollection.clearAll", "1.6"),
  m("Excel.ConditionalFormat.cellValue", "1.6"),
  m("Excel.ConditionalFormat.textComparison", "1.6"),
  m("Excel.ConditionalFormat.colorScale", "1.6"),
  m("Excel.ChartCollection.add", "1.1"),
  m("Excel.ChartCollection.getItem", "1.1"),
  m("Excel.Chart.name", "1.1"),
  m("Excel.Chart.title", "1.1"),
  m("Excel.Chart.series", "1.1"),
  m("Excel.Chart.width", "1.1"),
  m("Excel.Chart.height", "1.1"),
  m("Excel.Chart.setPosition", "1.1"),
  m("Excel.Chart.delete", "1.1"),
  m("Excel.ChartSeriesCollection.getItemAt", "1.1"),
  m("Excel.ChartSeriesCollection.add", "1.7"),
  m("Excel.ChartSeries.name", "1.1"),
  m("Excel.ChartSeries.setValues", "1.7"),
  m("Excel.ChartSeries.setXAxisValues", "1.7"),
];

/** "1.13" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

/** The highest ExcelApi version any listed member needs: what the manifest must declare, and the adapter checks. */
export const REQUIRED_EXCEL_API: string = OFFICE_API_MEMBERS.map((x) => x.version).reduce((hi, v) => (compareVersions(v, hi) > 0 ? v : hi), "1.1");

export function apiMember(member: string): ApiMember | null {
  return OFFICE_API_MEMBERS.find((x) => x.member === member) ?? null;
}
