// The ribbon button only opens the task pane (a ShowTaskpane action in manifest.xml), which needs no code here.
// This chunk runs in the shared runtime's page, the manifest's FunctionFile; calling onReady lets Office finish
// initialising that page even if the task pane's own code fails. Commands that run code would be registered with
// Office.actions.associate inside this callback. Opened outside Office (office.js not loaded) there is nothing to do.
if (typeof Office !== "undefined") Office.onReady(() => undefined);
