import { PROCESSING_GUARANTEES, processingGuaranteeOf, type Pipeline, type ProcessingGuarantee, type ValidationIssue } from '@sluice/topology';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.js';
import { messageOf, type Logger } from '../logger.js';
import { KeyedQueue } from '../util/keyed-queue.js';
import { checkDocument, runtimeShape, type CheckedDocument } from './pipeline-document.js';
import { newPipelineId } from './pipeline-ids.js';
import { topicsRead, type MetricsDefinition, type PipelineManager, type PipelineMetrics, type PipelineStatus } from './runtime/index.js';
import type { DesiredState, PipelineStore, StoredPipeline } from './store/index.js';
import type { PipelineDetail, PipelineSummary } from '@sluice/api';

export type { PipelineDetail, PipelineSummary } from '@sluice/api';

/** Deletes a pipeline's consumer group when the pipeline goes (best effort). */
export type GroupRemover = (groupId: string) => Promise<void>;

interface Entry {
  stored: StoredPipeline;
  checked: CheckedDocument;
}

/**
 * What the pipeline endpoints do: validation, unique names, storage, and telling the manager what
 * should run. Changes to one pipeline are applied one at a time.
 */
export class PipelineService {
  private readonly entries = new Map<string, Entry>();
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly store: PipelineStore,
    private readonly manager: PipelineManager,
    private readonly logger: Logger,
    private readonly removeGroup?: GroupRemover,
  ) {}

  /** Loads the stored pipelines and starts those that should run. */
  async open(): Promise<void> {
    const { pipelines, problems } = await this.store.open();
    for (const problem of problems) this.logger.warn(`pipeline store: ${problem}`);
    for (const stored of pipelines) {
      let checked: CheckedDocument;
      try {
        checked = checkDocument(stored.definition, { draft: true });
      } catch (err) {
        this.logger.warn(`pipeline ${stored.id} is not loaded: ${messageOf(err)}`);
        continue;
      }
      if (this.idOfName(checked.name)) this.logger.warn(`two stored pipelines are named "${checked.name}"; rename one`);
      this.entries.set(stored.id, { stored, checked });
    }
    for (const [id, { stored, checked }] of this.entries) {
      if (stored.desiredState !== 'running') continue;
      if (!checked.pipeline) {
        this.logger.warn(`pipeline ${id} ("${checked.name}") should run but is not valid; fix it and start it again`);
        continue;
      }
      await this.manager.start(id, checked.pipeline);
    }
    if (this.entries.size > 0) this.logger.info(`loaded ${this.entries.size} pipeline(s) from ${this.store.dir}`);
  }

  get size(): number {
    return this.entries.size;
  }

  list(): PipelineSummary[] {
    return [...this.entries.keys()].map((id) => this.summary(id)).sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): PipelineDetail {
    this.entry(id);
    return this.detail(id);
  }

  /** Pipelines whose sources or tables read `topic`, running or not. */
  readersOf(topic: string): { id: string; name: string; status: PipelineStatus }[] {
    const out: { id: string; name: string; status: PipelineStatus }[] = [];
    for (const [id, { checked }] of this.entries) {
      if (checked.pipeline && topicsRead(checked.pipeline).includes(topic)) out.push({ id, name: checked.name, status: this.manager.state(id).status });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  idOfName(name: string): string | undefined {
    for (const [id, entry] of this.entries) if (entry.checked.name === name) return id;
    return undefined;
  }

  /** Saves a new pipeline and, unless it is a draft, deploys it. */
  async create(input: unknown, { deploy }: { deploy: boolean }): Promise<PipelineDetail> {
    const checked = checkDocument(input, { draft: !deploy });
    this.assertNameFree(checked.name);
    const id = newPipelineId(checked.name, (candidate) => this.entries.has(candidate));
    const now = new Date().toISOString();
    const stored: StoredPipeline = {
      id,
      definition: checked.definition,
      desiredState: deploy ? 'running' : 'stopped',
      createdAt: now,
      updatedAt: now,
      ...(deploy ? { deployedAt: now } : {}),
    };
    // Taken before the first await, so two requests cannot both get the name.
    this.entries.set(id, { stored, checked });
    return this.queue.run(id, async () => {
      try {
        await this.store.save(stored);
      } catch (err) {
        this.entries.delete(id);
        throw err;
      }
      if (deploy) await this.manager.start(id, checked.pipeline!);
      this.logger.info(`pipeline ${id} ("${checked.name}") ${deploy ? 'created and deployed' : 'saved as a draft'}`);
      return this.detail(id);
    });
  }

  /** Saves a changed definition; redeploys it when it runs, unless `deploy` is false. */
  async update(id: string, input: unknown, { deploy }: { deploy: boolean }): Promise<PipelineDetail> {
    this.entry(id);
    const checked = checkDocument(input, { draft: !deploy });
    this.assertNameFree(checked.name, id);
    return this.queue.run(id, async () => {
      const entry = this.entry(id);
      this.assertNameFree(checked.name, id); // again: another rename may have taken it meanwhile
      const running = entry.stored.desiredState === 'running';
      const redeploy = deploy && running && this.changesWhatRuns(id, checked.pipeline!);
      const now = new Date().toISOString();
      const stored: StoredPipeline = {
        ...entry.stored,
        definition: checked.definition,
        updatedAt: now,
        ...(redeploy ? { deployedAt: now } : {}),
      };
      // Shown (and the name held) before the write, put back if the write fails.
      this.entries.set(id, { stored, checked });
      try {
        await this.store.save(stored);
      } catch (err) {
        this.entries.set(id, entry);
        throw err;
      }
      if (redeploy) await this.manager.start(id, checked.pipeline!);
      this.logger.info(`pipeline ${id} ("${checked.name}") saved${redeploy ? ' and redeployed' : ''}`);
      return this.detail(id);
    });
  }

  /** Starts what is saved; a running pipeline is left alone unless its definition changed. */
  start(id: string): Promise<PipelineDetail> {
    return this.deploy(id, undefined);
  }

  /**
   * The deploy verb: saves `input` first when given (it must be valid), then starts a stopped or
   * failed pipeline, or redeploys a running one whose definition changed.
   */
  async deploy(id: string, input: unknown): Promise<PipelineDetail> {
    this.entry(id);
    const checked = input === undefined ? undefined : checkDocument(input, { draft: false });
    if (checked) this.assertNameFree(checked.name, id);
    return this.queue.run(id, async () => {
      const entry = this.entry(id);
      if (checked) this.assertNameFree(checked.name, id); // again: another rename may have taken it meanwhile
      const next = checked ?? entry.checked;
      const pipeline = next.pipeline;
      if (!pipeline) {
        throw new InvalidRequestError(`pipeline "${next.name}" has issues to fix before it can start`, next.issues);
      }
      // A failed pipeline is started afresh (no waiting for its next retry); a running one only when it changed.
      const { status } = this.manager.state(id);
      const launch =
        entry.stored.desiredState !== 'running' || (status !== 'running' && status !== 'deploying') || this.changesWhatRuns(id, pipeline);
      if (!checked && !launch) return this.detail(id);
      const now = new Date().toISOString();
      const stored: StoredPipeline = {
        ...entry.stored,
        ...(checked ? { definition: checked.definition } : {}),
        desiredState: 'running',
        updatedAt: now,
        ...(launch ? { deployedAt: now } : {}),
      };
      // Shown (and the name held) before the write, put back if the write fails.
      this.entries.set(id, { stored, checked: next });
      try {
        await this.store.save(stored);
      } catch (err) {
        this.entries.set(id, entry);
        throw err;
      }
      if (launch) {
        await this.manager.start(id, pipeline);
        this.logger.info(`pipeline ${id} ("${next.name}") ${status === 'running' || status === 'deploying' ? 'redeployed' : 'started'}`);
      }
      return this.detail(id);
    });
  }

  async stop(id: string): Promise<PipelineDetail> {
    this.entry(id);
    return this.queue.run(id, async () => {
      const entry = this.entry(id);
      if (entry.stored.desiredState !== 'stopped') {
        const stored: StoredPipeline = { ...entry.stored, desiredState: 'stopped', updatedAt: new Date().toISOString() };
        await this.store.save(stored);
        entry.stored = stored;
      }
      await this.manager.stop(id);
      return this.detail(id);
    });
  }

  async delete(id: string): Promise<void> {
    this.entry(id);
    await this.queue.run(id, async () => {
      const entry = this.entry(id);
      await this.manager.remove(id);
      await this.store.remove(id);
      this.entries.delete(id);
      this.logger.info(`pipeline ${id} ("${entry.checked.name}") deleted`);
      // A group set in the pipeline's settings may be shared with `sluice run` processes: keep it.
      const settings = entry.checked.pipeline?.settings;
      if (this.removeGroup && !settings?.consumerGroup) {
        await this.removeGroup(`sluice-${id}`).catch((err: unknown) =>
          this.logger.warn(`pipeline ${id}: its consumer group sluice-${id} was not deleted: ${messageOf(err)}`),
        );
      }
    });
  }

  /** Live numbers of the definition that runs, else zeros (and earlier totals) for the saved one. */
  async metrics(id: string): Promise<PipelineMetrics> {
    const entry = this.entry(id);
    const shown: MetricsDefinition = this.manager.deployedDefinition(id) ??
      entry.checked.pipeline ?? { name: entry.checked.name, nodes: [], edges: [] };
    return this.manager.metrics(id, shown);
  }

  private changesWhatRuns(id: string, pipeline: Pipeline): boolean {
    const deployed = this.manager.deployedDefinition(id);
    return deployed === undefined || runtimeShape(deployed) !== runtimeShape(pipeline);
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new NotFoundError(`no pipeline with id "${id}"; GET /api/pipelines lists them`);
    return entry;
  }

  private assertNameFree(name: string, exceptId?: string): void {
    const holder = this.idOfName(name);
    if (holder !== undefined && holder !== exceptId) {
      throw new ConflictError(`a pipeline named "${name}" already exists (id ${holder}); choose another name or update it with PUT /api/pipelines/${holder}`);
    }
  }

  private summary(id: string): PipelineSummary {
    const { stored, checked } = this.entry(id);
    const state = this.manager.state(id);
    const description = checked.pipeline?.description ?? (typeof checked.definition.description === 'string' ? checked.definition.description : undefined);
    return {
      id,
      name: checked.name,
      ...(description !== undefined ? { description } : {}),
      status: state.status,
      ...(state.error ? { error: state.error } : {}),
      ...(state.lastError ? { lastError: state.lastError } : {}),
      restarts: state.restarts,
      desiredState: stored.desiredState,
      valid: checked.pipeline !== undefined,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      ...(stored.deployedAt ? { deployedAt: stored.deployedAt } : {}),
      processingGuarantee: guaranteeOf(checked.pipeline, checked.definition),
    };
  }

  private detail(id: string): PipelineDetail {
    const { checked } = this.entry(id);
    const state = this.manager.state(id);
    const running = state.status !== 'stopped';
    const consumerGroup = checked.pipeline ? (checked.pipeline.settings?.consumerGroup ?? `sluice-${id}`) : undefined;
    return {
      ...this.summary(id),
      definition: checked.definition,
      issues: [...checked.issues],
      ...(consumerGroup ? { consumerGroup } : {}),
      ...(state.nextRestartAt ? { nextRestartAt: state.nextRestartAt } : {}),
      pendingChanges: running && (checked.pipeline === undefined || this.changesWhatRuns(id, checked.pipeline)),
    };
  }
}

function guaranteeOf(pipeline: Pipeline | undefined, definition: Record<string, unknown>): ProcessingGuarantee {
  if (pipeline) return processingGuaranteeOf(pipeline);
  const drafted = definition.processingGuarantee;
  return PROCESSING_GUARANTEES.find((g) => g === drafted) ?? processingGuaranteeOf({});
}
