import { makeStaticStyles } from "@fluentui/react-components";

/** The task pane is the whole page: no browser margin around it. */
export const usePageStyles = makeStaticStyles({ body: { margin: 0 } });
