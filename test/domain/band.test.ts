import { describe, expect, it } from "vitest";
import { BANDS, DomainError, bandLabel, compareBands, parseBand } from "../../src/domain";

describe("parseBand", () => {
  it.each([
    ["8a", "8a"],
    ["8A", "8a"],
    ["Band 8a", "8a"],
    ["band 8 a", "8a"],
    [" BAND 8-c ", "8c"],
    [5, "5"],
    ["5", "5"],
    ["Band 9", "9"],
    [1, "1"],
  ] as const)("reads %j as %s", (input, band) => {
    expect(parseBand(input)).toBe(band);
  });

  it.each(["8e", "10", "", "   ", "Band", "8", "a", "band 8 a b", "5a"])("refuses %j with a message naming it", (input) => {
    expect(() => parseBand(input)).toThrowError(DomainError);
    try {
      parseBand(input);
    } catch (e) {
      expect((e as DomainError).kind).toBe("invalid");
      expect((e as Error).message).toMatch(/is not an Agenda for Change band/);
    }
  });

  it("names what was typed", () => {
    expect(() => parseBand("8e")).toThrow("'8e' is not an Agenda for Change band");
    expect(() => parseBand(7.5)).toThrow("'7.5' is not an Agenda for Change band");
    expect(() => parseBand(10)).toThrow("'10' is not an Agenda for Change band");
    expect(() => parseBand(null)).toThrow("a blank is not an Agenda for Change band");
    expect(() => parseBand(true)).toThrow(/not an Agenda for Change band/);
  });
});

describe("band order", () => {
  it("sorts in pay order, 8a–8d between 7 and 9", () => {
    const shuffled = ["9", "8b", "1", "7", "8d", "2", "8a", "8c", "3", "6", "5", "4"] as const;
    expect([...shuffled].sort(compareBands)).toEqual([...BANDS]);
    expect(compareBands("7", "8a")).toBeLessThan(0);
    expect(compareBands("9", "8d")).toBeGreaterThan(0);
    expect(compareBands("8b", "8b")).toBe(0);
  });

  it("labels bands as people read them", () => {
    expect(bandLabel("8a")).toBe("Band 8a");
  });
});
