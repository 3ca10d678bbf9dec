import { toPipelineJson, type DesignerDocument } from './document.js';

/** The pipeline as a file people can diff, commit and `sluice deploy`. */
export function pipelineFile(doc: DesignerDocument): { name: string; text: string } {
  const stem = doc.meta.name.trim() === '' ? 'pipeline' : doc.meta.name.replace(/[^A-Za-z0-9._-]/g, '_');
  return { name: `${stem}.json`, text: `${JSON.stringify(toPipelineJson(doc), null, 2)}\n` };
}
