import { readFile } from 'node:fs/promises';
import { expect, test, uniqueName } from './support/fixtures.js';

function weatherJson(name: string, raw: string, processed: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'raw', type: 'source', label: 'Raw readings', position: { x: 16, y: 48 }, onError: 'dead-letter', config: { topic: raw, format: 'json', keyFormat: 'string', startFrom: 'earliest' } },
      { id: 'hot', type: 'filter', position: { x: 320, y: 96 }, onError: 'skip', config: { expression: 'value.temperature > 40.0' } },
      { id: 'out', type: 'sink', position: { x: 624, y: 48 }, onError: 'dead-letter', config: { topic: processed, format: 'json', keyFormat: 'string' } },
    ],
    edges: [
      { id: 'raw-hot', source: 'raw', target: 'hot' },
      { id: 'hot-out', source: 'hot', target: 'out' },
    ],
  };
}

test.describe('the pipeline as JSON, files and drafts', () => {
  test('pasted JSON applies to the canvas, exports to a file and imports back losslessly; the draft survives a reload and shows in another browser', async ({
    page,
    browser,
    designer,
  }) => {
    const name = uniqueName('roundtrip');
    const id = await designer.createPipeline(name);
    const json = weatherJson(name, uniqueName('raw'), uniqueName('processed'));

    await page.getByRole('tab', { name: 'JSON' }).click();
    const text = page.getByRole('textbox', { name: 'Pipeline JSON' });
    await text.fill(JSON.stringify(json));
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(designer.nodes).toHaveCount(3);
    await expect(designer.edges).toHaveCount(2);
    await expect(designer.node('raw')).toContainText('Raw readings');
    expect(JSON.parse(await text.inputValue())).toEqual(json);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${name}.json`);
    const exported = await readFile(await file.path(), 'utf8');
    expect(JSON.parse(exported)).toEqual(json);

    // Wipe the canvas, then import the file: everything comes back, positions included.
    await designer.paletteEntry('Source').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(designer.nodes).toHaveCount(0);
    await page.getByLabel('Import pipeline JSON file').setInputFiles(await file.path());
    await expect(designer.nodes).toHaveCount(3);
    expect(await text.inputValue()).toBe(exported);

    // Saved on the server as a draft: a reload, and another browser, see the same pipeline.
    await designer.waitForSaved();
    await page.reload();
    await page.getByRole('tab', { name: 'JSON' }).click();
    await expect(designer.nodes).toHaveCount(3);
    expect(JSON.parse(await page.getByRole('textbox', { name: 'Pipeline JSON' }).inputValue())).toEqual(json);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(`/pipelines/${id}`);
    await otherPage.getByRole('tab', { name: 'JSON' }).click();
    await expect(otherPage.locator('.react-flow__node')).toHaveCount(3);
    expect(JSON.parse(await otherPage.getByRole('textbox', { name: 'Pipeline JSON' }).inputValue())).toEqual(json);
    await other.close();
  });

  test('JSON that cannot be read says where, and changes nothing', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('bad-json'));
    await designer.paletteEntry('Filter').click();
    await page.getByRole('tab', { name: 'JSON' }).click();
    const text = page.getByRole('textbox', { name: 'Pipeline JSON' });
    await text.fill('{\n  "name": "x",\n  "nodes": [,]\n}');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('alert')).toContainText('not valid JSON at line 3, column 13');
    await text.fill('{"name": "x", "nodes": [{"id": "a", "type": "teleport"}]}');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('alert')).toContainText('nodes[0].type: unknown node type "teleport"');
    await expect(designer.nodes).toHaveCount(1);
  });

  test('leaving with unsaved changes asks first', async ({ page, designer }) => {
    await designer.createPipeline(uniqueName('leave'));
    await designer.waitForSaved();
    // A nameless draft cannot be saved, so the change stays unsaved.
    await page.getByRole('textbox', { name: 'Name' }).fill('');
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('needs a name');
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.accept();
  });

  test('the pipelines list creates, opens, renames and deletes pipelines', async ({ page, designer }) => {
    const first = uniqueName('listed');
    const taken = uniqueName('taken');
    await designer.createPipeline(taken);
    await designer.createPipeline(first);
    await page.getByRole('button', { name: '← Pipelines' }).click();

    const row = page.locator(`tr[data-pipeline="${first}"]`);
    await expect(row).toContainText('Draft');
    await expect(row).toContainText('—');

    await row.getByRole('button', { name: `Rename ${first}` }).click();
    const dialog = page.getByRole('dialog', { name: `Rename ${first}` });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(taken);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog.getByRole('alert')).toContainText('already exists');
    const renamed = uniqueName('renamed');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(renamed);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    const renamedRow = page.locator(`tr[data-pipeline="${renamed}"]`);
    await expect(renamedRow).toBeVisible();

    await renamedRow.getByRole('link', { name: renamed }).click();
    await expect(page.getByRole('heading', { name: renamed })).toBeVisible();
    await page.getByRole('button', { name: '← Pipelines' }).click();

    await renamedRow.getByRole('button', { name: `Delete ${renamed}` }).click();
    await page.getByRole('dialog', { name: `Delete ${renamed}?` }).getByRole('button', { name: 'Delete pipeline' }).click();
    await expect(renamedRow).toHaveCount(0);
    await expect(page.locator(`tr[data-pipeline="${taken}"]`)).toBeVisible();
  });
});
