/**
 * A sheet's cells by row and column, for the in-memory workbook: only cells that hold something are kept.
 *
 * Why not one Map keyed by row × 16,384 + column: a 2,000 × 150 write touches 300,000 cells, several times over,
 * and hashing every key was most of what the model spent on it. Rows held in an array, each a sparse array of its
 * cells, find a cell by two index reads; a sheet written far down (row 1,000,000) still works, with V8 keeping
 * that array as a dictionary.
 */
export class CellGrid<Cell> {
  private readonly rows: (Cell[] | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  set(row: number, col: number, cell: Cell): void {
    let line = this.rows[row];
    if (!line) this.rows[row] = line = [];
    if (line[col] === undefined) this.count += 1;
    line[col] = cell;
  }

  delete(row: number, col: number): void {
    const line = this.rows[row];
    if (line?.[col] === undefined) return;
    delete line[col];
    this.count -= 1;
  }

  /**
   * Every cell, row by row, left to right. `visit` may delete the cell it is given (forEach skips what is deleted
   * before it is reached and holes, and reads each index when it gets there).
   */
  forEach(visit: (cell: Cell, row: number, col: number) => void): void {
    this.rows.forEach((line, row) => line?.forEach((cell, col) => visit(cell, row, col)));
  }
}
