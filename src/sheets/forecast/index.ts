export * from "./names";
export * from "./forecastRates";
export * from "./forecastSheet";
export * from "./forecastSummary";
export * from "./workbookPlans";
