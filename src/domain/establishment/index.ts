export * from "./esrFields";
export * from "./inputs";
export * from "./reconcile";
export * from "./vacantSince";
