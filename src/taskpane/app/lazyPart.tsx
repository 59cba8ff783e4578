/**
 * A component whose code is a chunk loaded on demand: it renders at once when loaded, else shows a spinner until
 * its chunk arrives. `preload()` fetches it ahead (when the part that shows it mounts, or when idle).
 */
import { Spinner } from "@fluentui/react-components";
import { type ComponentType, type ReactNode, Suspense, lazy, useState } from "react";

export interface LazyPart<P> {
  (props: P): ReactNode;
  preload(): Promise<ComponentType<P>>;
}

const everyPart: (() => Promise<unknown>)[] = [];

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, loadingLabel: string): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  // As the component it loads: React 18's types give a lazy component's props a ref that P may not have.
  const Lazy = lazy(() => preload().then((component) => ({ default: component }))) as unknown as ComponentType<P>;
  const Part = (props: P): ReactNode => {
    // Decided once per mount: switching from the lazy path to the loaded component would remount it.
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={<Spinner size="tiny" label={loadingLabel} />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
  Part.preload = preload;
  everyPart.push(preload);
  return Part;
}

/** Loads every part made so far (the tests load everything before rendering, as an idle pane would have). */
export function preloadParts(): Promise<unknown> {
  return Promise.all(everyPart.map((preload) => preload()));
}
