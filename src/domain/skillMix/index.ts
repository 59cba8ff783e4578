// Skill mix: which competences roles need, which the team holds, where the gaps and single points of failure are.
export * from "./catalogView";
export * from "./mix";
export * from "./overlap";
export * from "./progression";
export * from "./rebuild";
export * from "./register";
export * from "./roleMatrix";
export * from "./status";
export * from "./suppression";
export * from "./teamCoverage";
export * from "./trainingNeeds";
