export { startWeatherDemo, type WeatherDemoParts } from './weather-demo.js';
export { WeatherGenerator, type WeatherGeneratorOptions } from './weather-generator.js';
export { isExtreme, STATIONS, WeatherReadings, type WeatherReading } from './weather-readings.js';
