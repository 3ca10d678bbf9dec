import { EXTREME_WEATHER } from '@sluice/topology';

/** One reading, as the demo publishes it (JSON, keyed by station). */
export interface WeatherReading {
  readonly station: string;
  /** °C */
  readonly temperature: number;
  /** % */
  readonly humidity: number;
  /** km/h */
  readonly windSpeed: number;
  /** Epoch ms. */
  readonly timestamp: number;
}

interface Station {
  readonly name: string;
  /** Typical temperature and how far it wanders. */
  readonly meanTemperature: number;
  readonly temperatureSwing: number;
  readonly meanHumidity: number;
  readonly meanWind: number;
}

export const STATIONS: readonly Station[] = [
  { name: 'oslo', meanTemperature: 6, temperatureSwing: 9, meanHumidity: 75, meanWind: 14 },
  { name: 'reykjavik', meanTemperature: 4, temperatureSwing: 7, meanHumidity: 80, meanWind: 28 },
  { name: 'cairo', meanTemperature: 27, temperatureSwing: 8, meanHumidity: 35, meanWind: 12 },
  { name: 'singapore', meanTemperature: 28, temperatureSwing: 3, meanHumidity: 84, meanWind: 9 },
  { name: 'denver', meanTemperature: 11, temperatureSwing: 12, meanHumidity: 45, meanWind: 16 },
  { name: 'yakutsk', meanTemperature: -8, temperatureSwing: 10, meanHumidity: 70, meanWind: 10 },
];

/** Share of readings that cross one of the extreme-weather bounds: "a few". */
export const EXTREME_SHARE = 0.03;

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Plausible readings from a handful of stations: ordinary ones stay inside the extreme-weather
 * bounds of @sluice/topology, and about 3% are heat, frost or storm readings beyond them.
 */
export class WeatherReadings {
  private next = 0;

  constructor(
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {}

  take(): WeatherReading {
    const station = STATIONS[this.next++ % STATIONS.length]!;
    const r = this.random;
    const spread = () => r() * 2 - 1;
    let temperature = clamp(station.meanTemperature + spread() * station.temperatureSwing, EXTREME_WEATHER.colderThan + 1, EXTREME_WEATHER.hotterThan - 1);
    let windSpeed = clamp(station.meanWind + spread() * station.meanWind, 0, EXTREME_WEATHER.windierThan - 10);
    if (r() < EXTREME_SHARE) {
      const kind = Math.floor(r() * 3);
      if (kind === 0) temperature = EXTREME_WEATHER.hotterThan + 0.5 + r() * 8;
      else if (kind === 1) temperature = EXTREME_WEATHER.colderThan - 0.5 - r() * 15;
      else windSpeed = EXTREME_WEATHER.windierThan + 1 + r() * 40;
    }
    return {
      station: station.name,
      temperature: round1(temperature),
      humidity: round1(clamp(station.meanHumidity + spread() * 15, 5, 100)),
      windSpeed: round1(windSpeed),
      timestamp: this.now(),
    };
  }
}

/** Whether a reading is one the extreme-weather pipeline keeps (the same bounds as its filter). */
export function isExtreme(reading: Pick<WeatherReading, 'temperature' | 'windSpeed'>): boolean {
  return (
    reading.temperature > EXTREME_WEATHER.hotterThan ||
    reading.temperature < EXTREME_WEATHER.colderThan ||
    reading.windSpeed > EXTREME_WEATHER.windierThan
  );
}
