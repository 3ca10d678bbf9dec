import { createTopics, consumeUntil, produce } from './support/kafka.js';
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
