export * from "./dates";
export * from "./ladder";
export * from "./scales";
export * from "./forecast";
