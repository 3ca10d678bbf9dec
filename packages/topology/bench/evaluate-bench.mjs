// Micro-benchmark of CEL evaluation per record: node packages/topology/bench/evaluate-bench.mjs
// (build the package first). Prints evaluations per second for a few typical expressions on
// records shaped like the runtime's (decoded JSON value, string key, numeric offset/timestamp),
// through evaluate() and through the interpreter alone.
// Options: --seconds S per case and mode (default 1), --only NAME.
import { parseArgs } from 'node:util';
import { expressionInternals } from '../dist/cel-compiled.js';
import { EXTREME_WEATHER_EXPRESSION } from '../dist/index.js';
import { compileExpression } from '../dist/runtime.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '1' }, only: { type: 'string' } } });
const SECONDS = Number(values.seconds);

const CASES = [
  ['weather filter', EXTREME_WEATHER_EXPRESSION, 'bool'],
  ['string ops', 'value.station.startsWith("station-1") && size(value.station) > 9', 'bool'],
  ['in list', 'value.station in ["station-1", "station-2", "station-3"] || key == "station-4"', 'bool'],
  ['headers and key', '"trace" in headers && headers["trace"] == "x" || key.endsWith("7")', 'bool'],
  ['ternary + arithmetic', 'value.temperature * 1.8 + 32 > 100.0 ? value.humidity > 50 : value.windSpeed % 2 == 0', 'bool'],
  ['map to object', '{"station": value.station, "f": value.temperature * 1.8 + 32, "wind": value.windSpeed}', 'value'],
  ['offset arithmetic', 'offset % 2 == 0 && partition < 3 && timestamp > 0', 'bool'],
];

const records = Array.from({ length: 1024 }, (_, seq) => {
  const value = {
    station: `station-${seq % 50}`,
    temperature: seq % 20 === 0 ? 45.5 : 10 + (seq % 17),
    humidity: 40 + (seq % 50),
    windSpeed: 5 + (seq % 40),
    timestamp: 1700000000000 + seq,
  };
  return {
    key: value.station,
    value: JSON.parse(JSON.stringify(value)),
    headers: seq % 3 === 0 ? { trace: 'x' } : {},
    topic: 'raw',
    partition: seq % 3,
    offset: seq,
    timestamp: value.timestamp,
  };
});

function rate(evaluate) {
  let kept = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < records.length; i++) if (evaluate(records[i]) === true) kept++;
    n += records.length;
  }
  return { rate: n / ((performance.now() - started) / 1000), kept };
}

const internals = expressionInternals();
const fmt = (r) => Math.round(r).toLocaleString('en').padStart(12);
process.stdout.write(`${'case'.padEnd(22)} ${'evaluate()'.padStart(12)} ${'interpreter'.padStart(12)}  (evals/s)\n`);
for (const [name, source, kind] of CASES) {
  if (values.only && values.only !== name) continue;
  const compiled = compileExpression(source, kind);
  if (!compiled.ok) throw new Error(`${name}: ${compiled.error.message}`);
  const expression = compiled.expression;
  const viaEvaluate = (r) => expression.evaluate(r);
  const viaInterpreter = (r) => internals.interpret(expression, r);
  rate(viaEvaluate); // warm-up
  rate(viaInterpreter);
  const fast = rate(viaEvaluate).rate;
  const slow = rate(viaInterpreter).rate;
  const path = internals.fastPath(expression) ? 'closures' : 'interpreter only';
  process.stdout.write(`${name.padEnd(22)} ${fmt(fast)} ${fmt(slow)}  ×${(fast / slow).toFixed(1)} ${path}: ${source}\n`);
}
