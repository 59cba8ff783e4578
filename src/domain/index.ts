// The pure core: everything depends on it; it depends on nothing.
export * from "./band";
export * from "./careerFramework";
export * from "./competence";
export * from "./coverage";
export * from "./errors";
export * from "./je";
export * from "./nationalProfile";
export * from "./provenance";
export * from "./role";
export * from "./roleLookup";
export * from "./text";
export * from "./pay";
export * from "./postCost";
export * from "./progressionCost";
export * from "./staffingPlan";
export * from "./skillMix";
export * from "./establishment";
