import { catalogue, type NodeCategory, type NodeTypeInfo, type NodeType } from '@sluice/topology';
import { useMemo, useState, type DragEvent } from 'react';
import { NODE_TYPE_MIME, useAddNodeInView } from '../canvas/index.js';
import './palette.css';

const CATEGORIES: readonly NodeCategory[] = ['Sources', 'Processors', 'Sinks'];

/**
 * The node types, from the catalogue, grouped by category and searchable. Each entry is a button
 * named by its type's label: drag it onto the canvas, or press Enter or click to add it in view.
 */
export function Palette() {
  const [query, setQuery] = useState('');
  const addInView = useAddNodeInView();

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = (info: NodeTypeInfo<NodeType>) =>
      q === '' || info.label.toLowerCase().includes(q) || info.type.toLowerCase().includes(q) || info.description.toLowerCase().includes(q);
    return CATEGORIES.map((category) => ({
      category,
      types: catalogue.nodeTypes.filter((info) => info.category === category && matches(info)),
    })).filter((group) => group.types.length > 0);
  }, [query]);

  const onDragStart = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(NODE_TYPE_MIME, type);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside className="palette" aria-label="Node palette">
      <div className="palette-search">
        <label htmlFor="palette-search" className="visually-hidden">
          Search node types
        </label>
        <input
          id="palette-search"
          className="input"
          type="search"
          placeholder="Search nodes…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="palette-groups">
        {groups.length === 0 ? <p className="muted palette-empty">No node type matches “{query}”.</p> : null}
        {groups.map((group) => (
          <section key={group.category} className="palette-group" aria-labelledby={`palette-${group.category}`}>
            <h3 id={`palette-${group.category}`} className="palette-group-title">
              {group.category}
            </h3>
            <ul>
              {group.types.map((info) => (
                <li key={info.type}>
                  <button
                    type="button"
                    className={`palette-entry category-${info.category.toLowerCase()}`}
                    draggable
                    onDragStart={(e) => onDragStart(e, info.type)}
                    onClick={() => addInView(info.type)}
                    aria-label={info.label}
                    aria-describedby={`palette-help-${info.type}`}
                    data-node-type={info.type}
                  >
                    <span className="palette-entry-label">{info.label}</span>
                    <span id={`palette-help-${info.type}`} className="palette-entry-help">
                      {info.description}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="palette-hint muted">Drag onto the canvas, or focus and press Enter.</p>
    </aside>
  );
}
