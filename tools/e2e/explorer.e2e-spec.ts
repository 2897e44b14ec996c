import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../test/chromium';
import { PlatformFixture, startPlatformFixture } from './platform-fixture';

/** A hazard of the demo campus (tools/platform/demo-seed.ts), in the safety office's ledger. */
const DEMO_HAZARD_TITLE = '3号实训楼二层疏散通道堆放杂物';
const LEDGER_TITLES = '{ hazards(first: 100) { totalCount edges { node { title } } } }';
const EXAMPLE_TAB_TITLES = ['Login', 'MeAndUnits', 'HazardLedger', 'PlansAndActivities', 'AppraisalSchemes'];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** One browser page on the explorer; every request for another host is refused and remembered, as are errors. */
interface ExplorerPage {
  page: Page;
  refusedUrls: string[];
  pageErrors: string[];
}

function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: the explorer's browser test drives Debian's Chromium (npm test installs it; or apt-get install chromium)`);
  }
}

/** What GraphiQL's editors are: CodeMirror 5, which keeps its instance on its element. */
interface EditorElement {
  CodeMirror: { getValue(): string; operationName?: string };
}

/** The page's document, in the functions that run in the browser (the tools build has no DOM types). */
declare const document: { querySelector(selector: string): EditorElement };

function editorText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((element) => (element as unknown as EditorElement).CodeMirror.getValue());
}

/** Replaces an editor's text as a paste would (typing would have CodeMirror close brackets as it goes). */
async function replaceEditorText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const HEADERS_EDITOR = 'section.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESPONSE = '.graphiql-response .CodeMirror';

/** Runs the active tab and returns the answer shown in the result pane once it has changed. */
async function runActiveTab(page: Page): Promise<Record<string, any>> {
  const before = await editorText(page, RESPONSE);
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(
    ([selector, previous]) => {
      const text = document.querySelector(selector).CodeMirror.getValue();
      return text !== '' && text !== previous;
    },
    [RESPONSE, before] as const,
  );
  return JSON.parse(await editorText(page, RESPONSE));
}

/**
 * GraphiQL learns the operation name of a tab it switched to 100 ms later (a debounced change handler) and until
 * then would send the previous tab's. A person is never that quick; the test waits for the name.
 */
async function untilOperationNameIs(page: Page, operationName: string): Promise<void> {
  await page.waitForFunction(
    ([selector, name]) => document.querySelector(selector).CodeMirror.operationName === name,
    [QUERY_EDITOR, operationName] as const,
  );
}

describe('the API explorer in a real browser, with the network closed to anything but the gateway', () => {
  let fixture: PlatformFixture;
  let browser: Browser;
  let gatewayOrigin: string;

  beforeAll(async () => {
    requireChromium();
    fixture = await startPlatformFixture(4570);
    gatewayOrigin = new URL(fixture.platform.gatewayUrl).origin;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await fixture?.stop();
  });

  async function openExplorer(path: string): Promise<ExplorerPage> {
    const context = await browser.newContext();
    const opened: ExplorerPage = { page: await context.newPage(), refusedUrls: [], pageErrors: [] };
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (LOCAL_HOSTS.has(new URL(url).hostname)) return route.continue();
      opened.refusedUrls.push(url);
      return route.abort('blockedbyclient');
    });
    opened.page.on('pageerror', (error) => opened.pageErrors.push(error.message));
    // A request the page's Content-Security-Policy stops never reaches the route above: the console tells of it.
    opened.page.on('console', (message) => {
      if (message.type() === 'error') opened.pageErrors.push(message.text());
    });
    await opened.page.goto(`${gatewayOrigin}${path}`);
    await opened.page.locator(QUERY_EDITOR).waitFor();
    return opened;
  }

  async function closeExplorer(opened: ExplorerPage): Promise<void> {
    await opened.page.context().close();
    expect({ refusedUrls: opened.refusedUrls, pageErrors: opened.pageErrors }).toEqual({ refusedUrls: [], pageErrors: [] });
  }

  it('runs a query typed in with a token pasted into Headers, and shows the answer', async () => {
    const opened = await openExplorer('/explorer');
    const { page } = opened;
    const { token } = await fixture.as('safety.office');
    await replaceEditorText(page, QUERY_EDITOR, LEDGER_TITLES);
    await replaceEditorText(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${token}` }));
    const answer = await runActiveTab(page);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.hazards.edges.map((edge: any) => edge.node.title)).toContain(DEMO_HAZARD_TITLE);
    expect(await editorText(page, RESPONSE)).toContain(DEMO_HAZARD_TITLE);
    await closeExplorer(opened);
  });

  it('opens with the example tabs; after the Login tab every example runs without an error', async () => {
    const opened = await openExplorer('/explorer');
    const { page } = opened;
    const tabs = page.locator('.graphiql-tab-button');
    expect(await tabs.allTextContents()).toEqual(EXAMPLE_TAB_TITLES);
    const answers: Record<string, Record<string, any>> = {};
    for (const title of EXAMPLE_TAB_TITLES) {
      await tabs.filter({ hasText: title }).click();
      await untilOperationNameIs(page, title);
      answers[title] = await runActiveTab(page);
      expect({ title, errors: answers[title].errors }).toEqual({ title, errors: undefined });
    }
    expect(answers.Login.data.login.account.username).toBe('safety.office');
    expect(answers.MeAndUnits.data.me.username).toBe('safety.office');
    expect(answers.HazardLedger.data.hazards.totalCount).toBeGreaterThan(0);
    expect(answers.AppraisalSchemes.data.appraisalSchemes).toHaveProperty('totalCount');
    await closeExplorer(opened);
  });

  it("shows the schema's Chinese descriptions in the docs pane, also when opened at /graphql", async () => {
    const opened = await openExplorer('/graphql');
    const { page } = opened;
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).click();
    await page.locator('.graphiql-doc-explorer').getByText('隐患台账（默认最新登记的在前）').waitFor();
    await closeExplorer(opened);
  });
});
