import type { PipelineManager } from './pipeline-manager.js';

/** How often the topic list is checked while pipelines run (one Metadata request each time). */
const CHECK_EVERY_MS = 1_000;

/**
 * Notices when a topic that a deployed pipeline reads is deleted (from the topic browser, the CLI
 * or any admin client), so the pipeline says so instead of sitting idle, and resumes when the topic
 * is back. One topic listing per tick serves every pipeline.
 */
export class SourceTopicWatch {
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly manager: PipelineManager,
    private readonly listTopics: () => Promise<readonly string[]>,
    private readonly everyMs = CHECK_EVERY_MS,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check now (also what each tick does). */
  async check(): Promise<void> {
    if (this.checking || !this.manager.hasDeployed()) return;
    this.checking = true;
    try {
      const existing = new Set(await this.listTopics());
      this.manager.sourceTopicsChanged((topic) => existing.has(topic));
    } catch {
      // The cluster is unreachable: the connection monitor reports that, and a pipeline's topics
      // cannot be judged missing from an answer that never came.
    } finally {
      this.checking = false;
    }
  }
}
