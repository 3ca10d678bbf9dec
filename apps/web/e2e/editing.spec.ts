import { expect, test, uniqueName } from './support/fixtures.js';

test.describe('editing on the canvas', () => {
  test('palette entries are named buttons that add a node with Enter or a click', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('keyboard'));
    for (const label of ['Source', 'Filter', 'Map', 'Flat map', 'Select key', 'Branch', 'Sink']) {
      await expect(designer.paletteEntry(label)).toBeVisible();
    }
    await designer.paletteEntry('Source').focus();
    await page.keyboard.press('Enter');
    await designer.paletteEntry('Filter').click();
    await expect(designer.nodes).toHaveCount(2);
    await expect(designer.node('source-1')).toBeVisible();
    await expect(designer.node('filter-1')).toHaveClass(/selected/);

    // The search box narrows the palette.
    await page.getByRole('searchbox', { name: 'Search node types' }).fill('key');
    await expect(designer.paletteEntry('Select key')).toBeVisible();
    await expect(designer.paletteEntry('Source')).toHaveCount(0);
  });

  test('the processing guarantee is edited in the pipeline settings and shown on the canvas and in the list', async ({ page, designer }) => {
    const name = uniqueName('guarantee');
    await designer.createPipeline(name);
    const toolbar = page.getByRole('toolbar', { name: 'Canvas' });
    await expect(toolbar.getByText('Exactly once', { exact: true })).toBeVisible();
    await page.getByLabel('Processing guarantee').selectOption('at_least_once');
    await expect(toolbar.getByText('At least once', { exact: true })).toBeVisible();
    await designer.waitForSaved();
    await page.goto('/');
    await expect(page.locator(`tr[data-pipeline="${name}"] [data-guarantee="at_least_once"]`)).toHaveText('At least once');
  });

  test('an invalid expression shows its error at its position and blocks deploy', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('invalid'));
    await designer.dragFromPalette('Source', 160, 240);
    await designer.dragFromPalette('Filter', 440, 240);
    await designer.dragFromPalette('Sink', 720, 240);
    await designer.connect('source-1', 'filter-1');
    await designer.connect('filter-1', 'sink-1');
    await designer.select('source-1');
    await page.getByRole('combobox', { name: 'Topic', exact: true }).fill(uniqueName('in'));
    await designer.select('sink-1');
    await page.getByRole('combobox', { name: 'Topic', exact: true }).fill(uniqueName('out'));
    const deploy = page.getByRole('button', { name: 'Deploy' });
    await expect(deploy).toBeEnabled();

    await designer.select('filter-1');
    await page.getByLabel('Keep when').fill('value.temperature > ');
    const error = page.locator('.cel-error');
    await expect(error).toContainText('Line 1, column');
    await expect(error.locator('mark')).toBeVisible();
    await expect(deploy).toBeDisabled();
    await expect(page.locator('#deploy-blocker')).toContainText('nodes[1].config.expression');
    await expect(designer.node('filter-1').getByRole('img', { name: '1 problem' })).toBeVisible();

    // The problems panel lists it; clicking it selects the node.
    await page.keyboard.press('Escape');
    await designer.canvas.locator('.react-flow__pane').click({ position: { x: 30, y: 400 } });
    await expect(designer.node('filter-1')).not.toHaveClass(/selected/);
    await page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /Filter filter-1/ }).click();
    await expect(designer.node('filter-1')).toHaveClass(/selected/);

    await page.getByLabel('Keep when').fill('value.temperature > 30.0');
    await expect(page.getByText('Valid expression')).toBeVisible();
    await expect(deploy).toBeEnabled();
  });

  test('connections the schema forbids are refused while dragging', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('rules'));
    await designer.dragFromPalette('Source', 140, 200);
    await designer.dragFromPalette('Filter', 420, 200);
    await designer.dragFromPalette('Map', 700, 200);
    await designer.dragFromPalette('Sink', 420, 420);
    // A source takes no input and a sink has no output: they have no such handle to drag.
    await expect(designer.node('source-1').locator('.react-flow__handle.target')).toHaveCount(0);
    await expect(designer.node('sink-1').locator('.react-flow__handle.source')).toHaveCount(0);

    await designer.connect('source-1', 'filter-1');
    await designer.connect('filter-1', 'map-1');
    await expect(designer.edges).toHaveCount(2);
    // map → filter would close a loop.
    await designer.connect('map-1', 'filter-1');
    await expect(page.getByRole('status').filter({ hasText: 'would make a cycle' })).toBeVisible();
    await expect(designer.edges).toHaveCount(2);
    // A node cannot feed itself either.
    await designer.connect('map-1', 'map-1');
    await expect(designer.edges).toHaveCount(2);
  });

  test('undo and redo every edit with the keyboard and the toolbar', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('undo'));
    await designer.paletteEntry('Filter').click();
    await expect(designer.nodes).toHaveCount(1);
    await page.getByLabel('Keep when').fill('value.x > 1');
    await expect(designer.node('filter-1')).toContainText('value.x > 1');
    await page.getByLabel('Label').fill('Big x');
    await expect(designer.node('filter-1')).toContainText('Big x');

    await designer.paletteEntry('Filter').focus(); // out of the fields, where the browser's own undo applies
    await page.keyboard.press('Control+z');
    await expect(designer.node('filter-1')).not.toContainText('Big x');
    await page.keyboard.press('Control+z');
    await expect(designer.node('filter-1')).not.toContainText('value.x > 1');
    await page.keyboard.press('Control+z');
    await expect(designer.nodes).toHaveCount(0);

    await page.keyboard.press('Control+Shift+z');
    await expect(designer.nodes).toHaveCount(1);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(designer.node('filter-1')).toContainText('value.x > 1');
    await page.keyboard.press('Control+y');
    await expect(designer.node('filter-1')).toContainText('Big x');
    await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();

    // Deleting is undoable too, edges included.
    await designer.paletteEntry('Sink').click();
    await designer.connect('filter-1', 'sink-1');
    await expect(designer.edges).toHaveCount(1);
    await designer.select('filter-1');
    await page.keyboard.press('Delete');
    await expect(designer.nodes).toHaveCount(1);
    await expect(designer.edges).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(designer.nodes).toHaveCount(2);
    await expect(designer.edges).toHaveCount(1);
  });

  test('copy, paste and duplicate, also into another pipeline', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('copy-from'));
    await designer.dragFromPalette('Source', 160, 200);
    await designer.dragFromPalette('Filter', 440, 200);
    await designer.connect('source-1', 'filter-1');
    await designer.select('filter-1');
    await page.getByLabel('Keep when').fill('value.ok == true');

    await designer.paletteEntry('Filter').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(designer.nodes).toHaveCount(4);
    await expect(designer.edges).toHaveCount(2);
    await expect(designer.node('filter-2')).toContainText('value.ok == true');

    await page.keyboard.press('Escape');
    await designer.select('filter-2');
    await page.keyboard.press('Control+d');
    await expect(designer.nodes).toHaveCount(5);
    await expect(designer.node('filter-3')).toHaveClass(/selected/);

    // The copy goes to another pipeline as well, ids kept where they are free.
    await page.getByRole('button', { name: '← Pipelines' }).click();
    await designer.createPipeline(uniqueName('copy-to'));
    await designer.paletteEntry('Sink').focus();
    await page.keyboard.press('Control+v');
    await expect(designer.nodes).toHaveCount(2);
    await expect(designer.node('filter-1')).toContainText('value.ok == true');
    await expect(designer.edges).toHaveCount(1);
  });

  test('auto-layout arranges the flow left to right; snap-to-grid, minimap and the help dialog', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('layout'));
    await designer.dragFromPalette('Sink', 150, 150);
    await designer.dragFromPalette('Filter', 300, 420);
    await designer.dragFromPalette('Source', 700, 300);
    await designer.connect('source-1', 'filter-1');
    await designer.connect('filter-1', 'sink-1');
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    const x = async (id: string) => (await designer.node(id).boundingBox())!.x;
    await expect.poll(async () => (await x('source-1')) < (await x('filter-1')) && (await x('filter-1')) < (await x('sink-1'))).toBe(true);

    await expect(page.getByRole('button', { name: 'Snap to grid' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    await page.getByRole('button', { name: 'Minimap' }).click();
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    await page.getByRole('button', { name: 'Minimap' }).click();

    await designer.paletteEntry('Sink').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Undo');
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
  });

  test('light and dark themes', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('theme'));
    const html = page.locator('html');
    const before = await html.getAttribute('data-theme');
    const toggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
    await toggle.click();
    await expect(html).not.toHaveAttribute('data-theme', before ?? '');
    await expect(page.locator('.react-flow')).toHaveClass(before === 'dark' ? /light/ : /dark/);
    await page.reload();
    await expect(html).not.toHaveAttribute('data-theme', before ?? '');
  });
});
