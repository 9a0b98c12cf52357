/**
 * The layout rules of issue 15, measured on the rendered page: axe cannot see a label cut by
 * `overflow: hidden` or a box drawn over the footer, only geometry can.
 *
 * `expectSoundLayout(page)` checks the page at its current size; `reviewScreen(page, name)` does it
 * at the phone and desktop sizes, runs axe, and keeps a full-page screenshot of each size under
 * test-results/screens/ (and in the HTML report).
 */
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, test } from "./fixtures";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
/** The narrowest phone still in use; the candidate's page must be comfortable there too. */
export const SMALL_PHONE = { width: 320, height: 568 };

type Size = { width: number; height: number };

/**
 * Runs in the page: lists what breaks the six rules, one line per culprit (empty = sound).
 * Self-contained on purpose: Playwright sends its source text to the browser.
 */
function findLayoutProblems(): string[] {
  const problems: string[] = [];
  const describe = (element: Element) => {
    const id = element.id ? `#${element.id}` : "";
    const classes = typeof element.className === "string" && element.className ? `.${element.className.trim().split(/\s+/).join(".")}` : "";
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
    const region = element.closest("header, main, footer")?.tagName.toLowerCase();
    return `<${element.tagName.toLowerCase()}${id}${classes}>${text ? ` «\u00a0${text}\u00a0»` : ""}${region ? ` in <${region}>` : ""}`;
  };
  const isShown = (element: Element) => element.checkVisibility({ visibilityProperty: true });
  // Inside a box that scrolls or clips (a table wrapper, a visually hidden text): it cannot push the page.
  // An absolutely positioned element escapes the boxes between it and its containing block (its
  // nearest positioned ancestor): a hidden text in a table cell is clipped by the table's scroller
  // only if something inside that scroller is positioned.
  const isContainedBelow = (node: Node, stop: Element) => {
    let containingBlockFound = !(node instanceof Element && getComputedStyle(node).position === "absolute");
    for (let parent = node.parentElement; parent && parent !== stop; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.position !== "static") containingBlockFound = true;
      if (containingBlockFound && (style.overflowX !== "visible" || style.overflowY !== "visible")) return true;
    }
    return false;
  };

  // 1. Nothing inside <main> goes below the top of the footer (only the outermost culprit is named).
  const main = document.querySelector("main");
  const footer = document.querySelector("footer");
  if (!main || !footer) problems.push("the page has no <main> or no <footer>");
  if (main && footer) {
    const footerTop = footer.getBoundingClientRect().top;
    const flagged = new Set<Element>();
    for (const element of main.querySelectorAll("*")) {
      if ((element.parentElement && flagged.has(element.parentElement)) || !isShown(element)) continue;
      if (getComputedStyle(element).position === "fixed" || isContainedBelow(element, main)) continue;
      const box = element.getBoundingClientRect();
      if (box.height > 0 && box.bottom > footerTop + 0.5) {
        flagged.add(element);
        problems.push(
          `below the footer: ${describe(element)} ends at ${Math.round(box.bottom + scrollY)} px, the footer starts at ${Math.round(footerTop + scrollY)} px`,
        );
      }
    }
  }

  // 2. No button or link has its text cut: its content is wider than its box (scrollWidth >
  //    clientWidth) and that content is text, not a decoration drawn by CSS (the DSFR logo's motto).
  //    An icon-only DSFR button hides its label the same way, on purpose: it is recognised by its
  //    title (which the DSFR requires there) and its icon-button size (3rem at most).
  const textOutside = (control: HTMLElement) => {
    const box = control.getBoundingClientRect();
    const texts = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      if (!node.textContent?.trim() || isContainedBelow(node, control)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && (rect.right > box.right + 1 || rect.left < box.left - 1)) return true;
      }
    }
    return false;
  };
  const controls = document.querySelectorAll(
    "a[href], button, [role=button], [role=link], input[type=submit], input[type=button], summary",
  );
  for (const control of controls) {
    if (!(control instanceof HTMLElement) || !isShown(control) || control.clientWidth === 0) continue;
    if (control.scrollWidth <= control.clientWidth) continue;
    if (control.title && control.clientWidth <= 48) continue;
    if (!(control instanceof HTMLInputElement) && !textOutside(control)) continue;
    problems.push(`text cut: ${describe(control)} shows ${control.clientWidth} px of ${control.scrollWidth} px`);
  }

  // 3. No horizontal scrollbar on the page; the outermost elements sticking out are named.
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    const flagged = new Set<Element>();
    for (const element of document.body.querySelectorAll("*")) {
      if ((element.parentElement && flagged.has(element.parentElement)) || !isShown(element) || isContainedBelow(element, document.body))
        continue;
      if (element.getBoundingClientRect().right > root.clientWidth + 0.5) {
        flagged.add(element);
        if (flagged.size <= 5) problems.push(`sticks out on the right: ${describe(element)}`);
      }
    }
  }

  // 4. A DSFR background utility draws its background: the DSFR's utility stylesheet is not loaded,
  //    so each one the app uses must be defined (app/dsfr-utilities.css).
  for (const element of document.querySelectorAll("[class*='fr-background-']")) {
    if (isShown(element) && getComputedStyle(element).backgroundColor === "rgba(0, 0, 0, 0)") {
      problems.push(`no background: ${describe(element)}`);
    }
  }

  // 5. French typography: « and » hold to their words with a non-breaking space, so that no line
  //    starts with a lone » or ends with a lone «. (The test data's own texts use no guillemets.)
  // 6. The same for « : », « ; », « ? » and « ! » and the word before them (scripts/french-spacing.ts
  //    keeps the code's texts so; this sees what they become on screen). The DSFR writes its
  //    footer's « Accessibilité : … » and ProConnect's « Qu'est-ce que ProConnect ? » itself.
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const text = node.textContent ?? "";
    if (node.parentElement?.closest("script, style, template")) continue;
    const shown = () => `«\u00a0${text.replace(/\s+/g, " ").trim().slice(0, 60)}\u00a0» in ${describe(node.parentElement!)}`;
    if (/« | »/.test(text)) problems.push(`breakable space inside «\u00a0»: ${shown()}`);
    if (/ [:;?!](\s|$)/.test(text) && !node.parentElement?.closest(".fr-footer__bottom, .fr-connect-group")) {
      problems.push(`breakable space before a sign: ${shown()}`);
    }
  }
  return problems;
}

/**
 * The six rules at the page's current size: nothing under the footer, no cut label, no sideways
 * scroll, backgrounds drawn, no breakable space inside « » nor before « : ; ? ! ».
 */
export async function expectSoundLayout(page: Page): Promise<void> {
  // Text widths are final once the Marianne font is in, and DSFR's scripts have reacted to the size.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const width = page.viewportSize()?.width;
  expect(await page.evaluate(findLayoutProblems), `layout problems at ${width} px`).toEqual([]);
}

/** Where the screenshots of a run are kept (the test-results folder is emptied at each run). */
export function screenshotPath(name: string): string {
  return path.join(test.info().project.outputDir, "screens", `${name}.png`);
}

/**
 * One screen in its current state, at each size: the layout rules, axe, and a full-page screenshot
 * named `<name>-<width>.png`, also attached to the HTML report.
 */
export async function reviewScreen(page: Page, name: string, sizes: Size[] = [PHONE, DESKTOP]): Promise<void> {
  for (const size of sizes) {
    await test.step(`${name} at ${size.width} px`, async () => {
      await page.setViewportSize(size);
      await expectSoundLayout(page);
      await expectNoA11yViolations(page);
      const file = screenshotPath(`${name}-${size.width}`);
      await page.screenshot({ path: file, fullPage: true });
      await test.info().attach(`${name}-${size.width}`, { path: file, contentType: "image/png" });
    });
  }
}
