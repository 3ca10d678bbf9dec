import { createTopics, consumeUntil, produce, produceText } from './support/kafka.js';
import { expect, test, uniqueName } from './support/fixtures.js';

interface Reading {
  station: string;
  temperature: number;
  windSpeed: number;
  seq: number;
}

test('builds the weather pipeline from an empty canvas, deploys it, and the processed topic gets the extreme readings', async ({ page, designer }) => {
  const raw = uniqueName('raw-weather');
  const processed = uniqueName('processed-weather');
  await createTopics([raw, processed]);
  await designer.createPipeline(uniqueName('weather'));

  // Drag Source, Filter and Sink from the palette onto the empty canvas.
  await designer.dragFromPalette('Source', 180, 260);
  await designer.dragFromPalette('Filter', 480, 260);
  await designer.dragFromPalette('Sink', 780, 260);
  await expect(designer.nodes).toHaveCount(3);
  await expect(designer.node('source-1')).toBeVisible();

  // Connect them: source → filter → sink.
  await designer.connect('source-1', 'filter-1');
  await designer.connect('filter-1', 'sink-1');
  await expect(designer.edges).toHaveCount(2);

  // Fill in the forms.
  await designer.select('source-1');
  await page.getByRole('combobox', { name: 'Topic', exact: true }).fill(raw);
  await designer.select('filter-1');
  const expression = page.getByLabel('Keep when');
  await expression.fill('value.temperature > 40.0 || value.temperature < -20.0 || value.windSpeed > 90.0');
  await expect(page.getByText('Valid expression')).toBeVisible();
  await designer.select('sink-1');
  await page.getByRole('combobox', { name: 'Topic', exact: true }).fill(processed);
  await expect(designer.node('sink-1')).toContainText(`to ${processed}`);

  await expect(designer.problemsCount).toHaveText('0');
  const deploy = page.getByRole('button', { name: 'Deploy' });
  await expect(deploy).toBeEnabled();
  await deploy.click();
  await expect(designer.status).toHaveText('Running', { timeout: 30_000 });

  // Raw readings, a few extreme; the last one is extreme too, so it marks the end of the output.
  const readings: Reading[] = [
    { station: 'oslo', temperature: 12, windSpeed: 20, seq: 1 },
    { station: 'dubai', temperature: 47.5, windSpeed: 10, seq: 2 },
    { station: 'lima', temperature: 22, windSpeed: 15, seq: 3 },
    { station: 'yakutsk', temperature: -41, windSpeed: 5, seq: 4 },
    { station: 'bergen', temperature: 9, windSpeed: 60, seq: 5 },
    { station: 'faroe', temperature: 8, windSpeed: 120, seq: 6 },
  ];
  await produce(raw, readings.map((r) => ({ key: r.station, value: r })));
  const out = await consumeUntil<Reading>(processed, (r) => r.seq === 6);
  expect(out.map((r) => r.station)).toEqual(['dubai', 'yakutsk', 'faroe']);

  // An edit to the running pipeline is marked until it is redeployed.
  await designer.select('filter-1');
  await expression.fill('value.temperature > 45.0');
  await expect(page.getByText('Changes not deployed')).toBeVisible();
  const redeploy = page.getByRole('button', { name: 'Redeploy' });
  await expect(redeploy).toBeEnabled();
  await redeploy.click();
  await expect(page.getByText('Changes not deployed')).toBeHidden({ timeout: 30_000 });
  await expect(designer.status).toHaveText('Running', { timeout: 30_000 });

  // Stop it again from the designer.
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(designer.status).toHaveText('Stopped', { timeout: 30_000 });
});

test('a pipeline that fails shows the error text and offers to start it again', async ({ page, designer }) => {
  const input = uniqueName('strict-in');
  const output = uniqueName('strict-out');
  await createTopics([input, output]);
  const name = uniqueName('strict');
  await designer.createPipeline(name);
  const pipeline = {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'readings', type: 'source', position: { x: 0, y: 0 }, onError: 'stop', config: { topic: input } },
      { id: 'warm', type: 'filter', position: { x: 280, y: 0 }, config: { expression: 'value.temperature > 20.0' } },
      { id: 'out', type: 'sink', position: { x: 560, y: 0 }, config: { topic: output } },
    ],
    edges: [
      { id: 'a', source: 'readings', target: 'warm' },
      { id: 'b', source: 'warm', target: 'out' },
    ],
  };
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByRole('textbox', { name: 'Pipeline JSON' }).fill(JSON.stringify(pipeline));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(designer.nodes).toHaveCount(3);
  await page.getByRole('button', { name: 'Deploy' }).click();
  await expect(designer.status).toHaveText('Running', { timeout: 30_000 });

  // Its source stops on a record that is not JSON: the status turns failed, with the reason.
  await produceText(input, [{ key: 'k', value: 'not json' }]);
  await expect(designer.status).toHaveText('Failed', { timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Failed:' })).toContainText('node "readings" failed');
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
  // The server keeps wanting it to run, so it can be stopped from here.
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(designer.status).toHaveText('Stopped', { timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Failed:' })).toHaveCount(0);
});
