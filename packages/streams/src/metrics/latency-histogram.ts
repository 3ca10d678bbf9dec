/**
 * A fixed-bucket log-linear histogram of latencies (HDR-style, 16 sub-buckets per power of two,
 * so a reported percentile is within ~6% of the true value). Recording is a few integer ops and
 * one array increment, cheap enough for every record.
 */
const SUB_BUCKET_BITS = 4;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
const MAX_MICROS = 0xffffffff; // ~71 minutes; longer latencies count as this
const BUCKETS = SUB_BUCKETS + (32 - SUB_BUCKET_BITS) * SUB_BUCKETS;

export interface LatencySummary {
  readonly count: number;
  /** Milliseconds; 0 when nothing was recorded. */
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private count = 0;
  private sumMicros = 0;
  private minMicros = Infinity;
  private maxMicros = 0;

  /** Records one latency in milliseconds (fractions allowed; negatives, from clock skew, count as 0). */
  record(ms: number): void {
    let micros = Math.round(ms * 1000);
    if (!(micros > 0)) micros = 0;
    else if (micros > MAX_MICROS) micros = MAX_MICROS;
    this.counts[bucketOf(micros)]!++;
    this.count++;
    this.sumMicros += micros;
    if (micros < this.minMicros) this.minMicros = micros;
    if (micros > this.maxMicros) this.maxMicros = micros;
  }

  get size(): number {
    return this.count;
  }

  /** The latency (ms) at or below which `percent` of the recordings fall. */
  percentile(percent: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((percent / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(upperBoundOf(i), this.maxMicros) / 1000;
    }
    return this.maxMicros / 1000;
  }

  summary(): LatencySummary {
    if (this.count === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
    return {
      count: this.count,
      min: this.minMicros / 1000,
      mean: this.sumMicros / this.count / 1000,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p99: this.percentile(99),
      max: this.maxMicros / 1000,
    };
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sumMicros = 0;
    this.minMicros = Infinity;
    this.maxMicros = 0;
  }
}

function bucketOf(micros: number): number {
  if (micros < SUB_BUCKETS) return micros;
  const exponent = 31 - Math.clz32(micros); // >= SUB_BUCKET_BITS
  const shift = exponent - SUB_BUCKET_BITS;
  return SUB_BUCKETS + shift * SUB_BUCKETS + ((micros >>> shift) & (SUB_BUCKETS - 1));
}

/** The largest value (µs) that falls into bucket `index`. */
function upperBoundOf(index: number): number {
  if (index < SUB_BUCKETS) return index;
  const shift = Math.floor((index - SUB_BUCKETS) / SUB_BUCKETS);
  const mantissa = (index - SUB_BUCKETS) % SUB_BUCKETS;
  return ((SUB_BUCKETS + mantissa + 1) * 2 ** shift) - 1;
}
