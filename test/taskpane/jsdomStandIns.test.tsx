// The task pane tests' quicker stand-ins for parts of jsdom and Testing Library (test/support/fastLabels.ts,
// fastComputedStyle.ts, quietRetries.ts) answer as the originals do, as the document changes under them.
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

afterEach(() => {
  document.body.replaceChildren();
  for (const style of document.head.querySelectorAll("style[data-stand-in-test]")) style.remove();
});

function addStyle(css: string): CSSStyleSheet {
  const style = document.createElement("style");
  style.dataset.standInTest = "";
  style.textContent = css;
  document.head.append(style);
  return style.sheet!;
}

describe("labels of a form control", () => {
  it("follow the labels added, re-pointed and removed, in tree order, by `for` or by nesting", () => {
    document.body.innerHTML = `
      <label id="first" for="name">Name</label>
      <input id="name">
      <label id="wrapping">Wrapped <input id="inner"></label>`;
    const name = document.getElementById("name") as HTMLInputElement;
    const inner = document.getElementById("inner") as HTMLInputElement;
    const ids = (control: HTMLInputElement) => Array.from(control.labels!, (l) => l.id);
    expect(ids(name)).toEqual(["first"]);
    expect(ids(inner)).toEqual(["wrapping"]);

    const before = document.createElement("label");
    before.id = "before";
    before.htmlFor = "name";
    document.body.prepend(before);
    expect(ids(name)).toEqual(["before", "first"]);

    // A `for` names the first element with that id; another element taking the id first takes the label with it.
    const other = document.createElement("input");
    other.id = "name";
    document.body.prepend(other);
    expect(ids(name)).toEqual([]);
    expect(ids(other)).toEqual(["before", "first"]);
    other.remove();

    (document.getElementById("first") as HTMLLabelElement).htmlFor = "inner";
    expect(ids(name)).toEqual(["before"]);
    expect(ids(inner)).toEqual(["first", "wrapping"]);

    before.remove();
    expect(ids(name)).toEqual([]);
    expect(name.labels!.length).toBe(0);
  });

  it("of a control outside the document, and of a hidden input, are jsdom's", () => {
    const label = document.createElement("label");
    const loose = document.createElement("input");
    label.append(loose);
    expect(Array.from(loose.labels!)).toEqual([label]);
    const hidden = document.createElement("input");
    hidden.type = "hidden";
    document.body.append(hidden);
    expect(hidden.labels).toBeNull();
  });
});

describe("computed style", () => {
  it("answers the cascade of display, position, overflow, transform and direction as the rules and the tree change", () => {
    const sheet = addStyle(`
      .panel { position: absolute; overflow-x: auto; transform: translateX(2px); }
      .panel.flat { transform: none; }
      #main { position: relative !important; }
      [data-hide] { display: none; }
      .shell [data-hide] { display: block; }
      .rtl { direction: rtl; }
      .x::before { display: none; }`);
    document.body.innerHTML = `<div class="rtl"><div class="panel x" id="p"><span data-hide></span></div></div>`;
    const panel = document.getElementById("p")!;
    const span = panel.querySelector("span")!;
    let style = getComputedStyle(panel);
    // jsdom leaves the `overflow` shorthand empty when no rule declares it, whatever its longhands say.
    expect([style.position, style.overflowX, style.overflowY, style.overflow, style.transform, style.display]).toEqual([
      "absolute",
      "auto",
      "visible",
      "",
      "translateX(2px)",
      "block",
    ]);
    // Inherited from the wrapper, not declared on the element.
    expect(style.direction).toBe("rtl");
    expect(style.getPropertyValue("direction")).toBe("rtl");
    expect(getComputedStyle(span).display).toBe("none");

    panel.classList.add("flat");
    panel.id = "main";
    style = getComputedStyle(panel);
    expect([style.transform, style.position]).toEqual(["none", "relative"]);

    // An inline style wins over a rule, not over an !important one.
    panel.style.position = "fixed";
    panel.style.overflowX = "hidden";
    expect([getComputedStyle(panel).position, getComputedStyle(panel).overflowX]).toEqual(["relative", "hidden"]);

    // A rule added later, and an ancestor that makes a descendant rule match.
    sheet.insertRule(".panel { will-change: transform; }", sheet.cssRules.length);
    expect(getComputedStyle(panel).willChange).toBe("transform");
    panel.parentElement!.classList.add("shell");
    expect(getComputedStyle(span).display).toBe("block");
  });
});

describe("a findBy… that gives up", () => {
  it("says what it looked for and shows the document as it was", async () => {
    document.body.innerHTML = `<p>Only this paragraph</p>`;
    const error = await screen.findByText("Something else", {}, { timeout: 50 }).then(
      () => new Error("found"),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("TestingLibraryElementError");
    expect(error.message).toContain("Unable to find an element with the text: Something else");
    expect(error.message).toContain("Only this paragraph");
    expect(error.stack).toContain("Only this paragraph");
  });
});
