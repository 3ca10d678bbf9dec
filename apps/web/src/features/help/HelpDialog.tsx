import { Fragment } from 'react';
import { Dialog } from '../../ui/index.js';
import { SHORTCUTS } from './shortcuts.js';

export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.what}>
              <td className="shortcut-keys">
                {shortcut.keys.map((key, i) => (
                  <Fragment key={key}>
                    {i > 0 ? ' + ' : null}
                    <kbd>{key}</kbd>
                  </Fragment>
                ))}
              </td>
              <td>{shortcut.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
