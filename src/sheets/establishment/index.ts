export * from "./criteria";
export * from "./formulas";
export * from "./names";
export * from "./sheets";
export * from "./plans";
