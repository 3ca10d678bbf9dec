import { Kafka, logLevel } from 'kafkajs';
import { bootstrap, expect, test, uniqueName } from './support/fixtures.js';
import { createTopics, produceText } from './support/kafka.js';

/** A group that read and committed everything on `topic` at this moment, then left. */
async function groupThatReadAll(groupId: string, topic: string, count: number): Promise<void> {
  const kafka = new Kafka({ clientId: 'topic-browser-e2e', brokers: [bootstrap()], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  let seen = 0;
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }) => {
        await consumer.commitOffsets([{ topic: t, partition, offset: String(Number(message.offset) + 1) }]);
        if (++seen === count) done();
      },
    });
    await all;
  } finally {
    await consumer.disconnect();
  }
}

test.describe('topic browser', () => {
  test('creates a topic, produces a record, peeks it back as JSON, and deletes the topic after confirming', async ({ page }) => {
    const topic = uniqueName('browsed');
    await page.goto('/');
    await page.getByRole('link', { name: 'Topics' }).click();
    await expect(page).toHaveURL(/\/topics$/);
    await expect(page.getByRole('heading', { name: 'Topics', exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'New topic' }).click();
    const dialog = page.getByRole('dialog', { name: 'New topic' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(topic);
    await dialog.getByRole('textbox', { name: 'Partitions' }).fill('3');
    await dialog.getByRole('textbox', { name: 'Configs' }).fill('retention.ms=86400000');
    await dialog.getByRole('button', { name: 'Create topic' }).click();
    await expect(page.getByRole('status')).toHaveText(`Created topic ${topic}.`);
    const row = page.locator(`tr[data-topic="${topic}"]`);
    await expect(row.locator('td').nth(1)).toHaveText('3');
    await expect(row.locator('td').nth(2)).toHaveText('0');

    await row.getByRole('link', { name: topic }).click();
    await expect(page).toHaveURL(new RegExp(`/topics/${topic}$`));
    await expect(page.getByRole('heading', { name: topic })).toBeVisible();

    const produce = page.getByRole('region', { name: 'Produce a record' });
    await produce.getByRole('textbox', { name: 'Key' }).fill('oslo');
    await produce.getByRole('combobox', { name: 'Partition' }).selectOption('2');
    await produce.getByRole('textbox', { name: 'Value' }).fill('{"station":"oslo","temperature":41.5}');
    await produce.getByRole('textbox', { name: 'Headers' }).fill('source=e2e');
    await produce.getByRole('button', { name: 'Produce' }).click();
    await expect(produce.getByRole('status')).toHaveText('Produced to partition 2 at offset 0.');
    const partitions = page.getByRole('table', { name: 'Partitions' });
    await expect(partitions.locator('tfoot td')).toHaveText('1');

    const peek = page.getByRole('region', { name: 'Peek records' });
    await peek.getByRole('button', { name: 'Peek' }).click();
    const records = peek.getByRole('table', { name: 'Peeked records' });
    await expect(records.locator('tbody tr')).toHaveCount(1);
    const record = records.locator('tbody tr').first();
    await expect(record.locator('td').nth(0)).toHaveText('2');
    await expect(record.locator('td').nth(3)).toHaveText('oslo');
    const value = record.locator('pre.payload');
    await expect(value).toHaveAttribute('data-format', 'json');
    await expect(value).toHaveText('{\n  "station": "oslo",\n  "temperature": 41.5\n}');
    await expect(record.locator('td').nth(5)).toContainText('source: e2e');
    // From an offset of one partition: partition 0 has nothing.
    await peek.getByRole('combobox', { name: 'Partition' }).selectOption('0');
    await peek.getByRole('textbox', { name: 'From offset' }).fill('0');
    await peek.getByRole('button', { name: 'Peek' }).click();
    await expect(peek.getByText('No records there.')).toBeVisible();

    await page.getByRole('button', { name: 'Delete topic' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete topic ${topic}?` });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: topic })).toBeVisible(); // nothing happened
    await page.getByRole('button', { name: 'Delete topic' }).click();
    await confirm.getByRole('button', { name: `Delete ${topic}` }).click();
    await expect(page).toHaveURL(/\/topics$/);
    await expect(page.getByRole('status')).toHaveText(`Deleted topic ${topic}.`);
    await expect(page.locator(`tr[data-topic="${topic}"]`)).toHaveCount(0);
    const listed = await (await page.request.get('/api/topics')).json();
    expect(listed.topics.some((t: { name: string }) => t.name === topic)).toBe(false);
  });

  test('shows consumer groups with lag per partition and resets offsets', async ({ page }) => {
    const topic = uniqueName('lagging');
    const group = uniqueName('readers');
    await createTopics([topic]);
    await produceText(topic, ['a', 'b', 'c'].map((v) => ({ key: v, value: v })));
    await groupThatReadAll(group, topic, 3);
    await produceText(topic, ['d', 'e'].map((v) => ({ key: v, value: v })));

    await page.goto('/topics');
    const row = page.locator(`tr[data-group="${group}"]`);
    await expect(row.locator('td[data-lag]')).toHaveText('2');
    await expect(row).toContainText('Empty');
    await row.getByRole('button', { name: `Details of ${group}` }).click();
    const detail = page.getByRole('region', { name: `Group ${group}` });
    const lag = detail.getByRole('table', { name: 'Lag per partition' }).locator('tbody tr').first();
    await expect(lag.locator('td')).toHaveText([topic, '0', '3', '5', '2', '—']);

    const reset = detail.getByRole('form', { name: 'Reset offsets' });
    await reset.getByRole('combobox', { name: 'To', exact: true }).selectOption('shift');
    await reset.getByRole('textbox', { name: 'Shift by' }).fill('-1');
    await reset.getByRole('button', { name: 'Dry run' }).click();
    const plan = reset.getByRole('table', { name: 'Offset reset plan' });
    await expect(plan.locator('tbody tr').first().locator('td')).toHaveText(['0', '3', '2']);
    await expect(reset.getByText('Planned (nothing changed yet):')).toBeVisible();
    await expect(lag.locator('td').nth(2)).toHaveText('3');

    await reset.getByRole('combobox', { name: 'To', exact: true }).selectOption('earliest');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(reset.getByText('Offsets reset:')).toBeVisible();
    await expect(lag.locator('td').nth(2)).toHaveText('0');
    await expect(lag.locator('td').nth(4)).toHaveText('5');
    await expect(row.locator('td[data-lag]')).toHaveText('5');
  });
  test('deleting a topic that a pipeline and a group read warns with their names; the pipeline then says its source was deleted', async ({ page }) => {
    const topic = uniqueName('read');
    const group = uniqueName('audit');
    const name = uniqueName('copier');
    await createTopics([topic]);
    await produceText(topic, [{ key: 'a', value: 'a' }]);
    await groupThatReadAll(group, topic, 1);
    const created = await page.request.post('/api/pipelines', {
      data: {
        schemaVersion: 1,
        name,
        nodes: [
          { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic, format: 'string' } },
          { id: 'out', type: 'sink', position: { x: 300, y: 0 }, config: { topic: `${topic}-copy`, format: 'string' } },
        ],
        edges: [{ id: 'e1', source: 'in', target: 'out' }],
      },
    });
    expect(created.status()).toBe(201);
    const id: string = (await created.json()).id;
    await expect.poll(async () => (await (await page.request.get(`/api/pipelines/${id}`)).json()).status, { timeout: 30_000 }).toBe('running');

    await page.goto(`/topics/${topic}`);
    await page.getByRole('button', { name: 'Delete topic' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete topic ${topic}?` });
    await expect(confirm.getByRole('status')).toHaveText(
      `Read by pipeline ${name} (running) and consumer group ${group}. They stop reading it: a pipeline says “source topic ${topic} was deleted” until the topic exists again.`,
    );
    await confirm.getByRole('button', { name: `Delete ${topic}` }).click();
    await expect(page).toHaveURL(/\/topics$/);
    await expect(page.getByRole('status')).toHaveText(`Deleted topic ${topic}.`);

    await page.goto(`/pipelines/${id}`);
    await expect(page.getByRole('alert').filter({ hasText: 'Failed:' })).toHaveText(`Failed: source topic ${topic} was deleted`, { timeout: 20_000 });
  });
});
