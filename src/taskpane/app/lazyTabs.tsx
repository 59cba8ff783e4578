/**
 * Loading tabs on demand: each tab's chunk is fetched once (a failed fetch may be tried again), a loaded tab renders
 * at once, and one still on its way shows a spinner. A chunk that cannot load (the add-in was updated on the server
 * while the pane was open) says so in its panel instead of blanking the pane.
 */
import { Link, Spinner, Text } from "@fluentui/react-components";
import { Component, type ComponentType, type ReactNode, Suspense, lazy, useState } from "react";
import { preloadParts } from "./lazyPart";
import type { TabDefinition, TabProps } from "./tabs";

const loaded = new Map<string, ComponentType<TabProps>>();
const loading = new Map<string, Promise<ComponentType<TabProps>>>();

/** Starts (or joins) loading a tab's chunk. */
export function loadTab(tab: TabDefinition): Promise<ComponentType<TabProps>> {
  let pending = loading.get(tab.id);
  if (!pending) {
    pending = tab.load().then(
      (component) => {
        loaded.set(tab.id, component);
        return component;
      },
      (error: unknown) => {
        loading.delete(tab.id);
        throw error;
      },
    );
    loading.set(tab.id, pending);
  }
  return pending;
}

/** Loads every tab's chunk (the idle prefetch). */
export function loadTabs(tabs: readonly TabDefinition[]): Promise<unknown> {
  return Promise.all(tabs.map(loadTab));
}

/**
 * Loads every chunk the pane can show: the tabs, then the parts they load on demand. The component tests call it
 * before rendering, so they see the pane as it is once idle.
 */
export async function loadEverything(tabs: readonly TabDefinition[]): Promise<void> {
  await loadTabs(tabs);
  await preloadParts();
}

/** Runs `task` when the page has nothing better to do (soon, where there is no requestIdleCallback: Safari). */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 300);
  return () => clearTimeout(id);
}

const lazyByTab = new Map<string, ComponentType<TabProps>>();

function lazyOf(tab: TabDefinition): ComponentType<TabProps> {
  let component = lazyByTab.get(tab.id);
  if (!component) {
    component = lazy(() => loadTab(tab).then((c) => ({ default: c })));
    lazyByTab.set(tab.id, component);
  }
  return component;
}

interface BoundaryProps {
  readonly label: string;
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

class ChunkErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert">
        <Text as="p">{`The ${this.props.label} tab could not be loaded. Try again, or close and reopen the add-in.`}</Text>
        <Link as="button" onClick={() => this.props.onRetry()}>
          Try again
        </Link>
      </div>
    );
  }
}

/** A tab's content: the component when loaded, else a spinner until its chunk arrives. */
export function TabContent({ tab, catalog, workbook }: { readonly tab: TabDefinition } & TabProps) {
  // A new lazy component per retry: React.lazy remembers a failure for ever.
  const [attempt, setAttempt] = useState(0);
  // Decided once per panel: switching from the lazy path to the loaded component later would remount the tab and
  // lose what the user had typed in it.
  const [Ready] = useState(() => loaded.get(tab.id));
  if (Ready) return <Ready catalog={catalog} workbook={workbook} />;
  const Lazy = lazyOf(tab);
  return (
    <ChunkErrorBoundary
      key={attempt}
      label={tab.label}
      onRetry={() => {
        lazyByTab.delete(tab.id);
        setAttempt((n) => n + 1);
      }}
    >
      <Suspense fallback={<Spinner size="small" label={`Loading ${tab.label}…`} />}>
        <Lazy catalog={catalog} workbook={workbook} />
      </Suspense>
    </ChunkErrorBoundary>
  );
}
