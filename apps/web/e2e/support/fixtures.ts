import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The server the global setup started. */
export function serverUrl(): string {
  const url = process.env.SLUICE_E2E_URL;
  if (!url) throw new Error('SLUICE_E2E_URL is not set: run these tests through playwright.config.ts (its global setup starts the server)');
  return url;
}

export function bootstrap(): string {
  const value = process.env.SLUICE_E2E_BOOTSTRAP;
  if (!value) throw new Error('SLUICE_E2E_BOOTSTRAP is not set: run these tests through playwright.config.ts');
  return value;
}

let counter = 0;
/** A name no other test uses, for pipelines and topics. */
export function uniqueName(stem: string): string {
  counter += 1;
  return `${stem}-${Date.now().toString(36)}-${counter}`;
}

export const test = base.extend<{ designer: Designer }>({
  baseURL: async ({}, use) => use(serverUrl()),
  designer: async ({ page }, use) => use(new Designer(page)),
});
export { expect };

/** What a person does in the designer, in their words. */
export class Designer {
  constructor(readonly page: Page) {}

  get canvas(): Locator {
    return this.page.getByTestId('canvas');
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  get nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  get edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }

  paletteEntry(label: string): Locator {
    return this.page.getByRole('complementary', { name: 'Node palette' }).getByRole('button', { name: label, exact: true });
  }

  /** Creates a pipeline from the list page and waits for its empty canvas. */
  async createPipeline(name: string): Promise<string> {
    await this.page.goto('/');
    await this.page.getByRole('button', { name: 'New pipeline' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New pipeline' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
    await expect(this.page.getByText('An empty pipeline')).toBeVisible();
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }

  /** Drags a palette entry onto the canvas at (x, y) relative to the canvas' top-left corner. */
  async dragFromPalette(label: string, x: number, y: number): Promise<void> {
    await this.paletteEntry(label).dragTo(this.canvas.locator('.react-flow__pane'), { targetPosition: { x, y } });
  }

  /** Drags from a node's output handle to another node's input handle. */
  async connect(fromId: string, toId: string, output?: string): Promise<void> {
    const from = output
      ? this.node(fromId).locator(`.react-flow__handle.source[data-output="${output}"]`)
      : this.node(fromId).locator('.react-flow__handle.source');
    const to = this.node(toId).locator('.react-flow__handle.target');
    await this.dragBetween(from, to);
  }

  async dragBetween(from: Locator, to: Locator): Promise<void> {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('handle not visible');
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 8 });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await mouse.up();
  }

  /** Selects a node by clicking its title, so the side panel shows its form. */
  async select(id: string): Promise<void> {
    await this.node(id).locator('.node-title').click();
    await expect(this.node(id)).toHaveClass(/selected/);
  }

  get problemsCount(): Locator {
    return this.page.locator('.problems-count');
  }

  async waitForSaved(): Promise<void> {
    await expect(this.page.getByText('Draft saved')).toBeVisible();
  }

  get status(): Locator {
    return this.page.locator('.deploy-bar .badge');
  }
}
