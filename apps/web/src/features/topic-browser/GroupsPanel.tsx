import { useCallback, useEffect, useState } from 'react';
import { Dialog, Notice } from '../../ui/index.js';
import { ResetOffsetsForm } from './ResetOffsetsForm.js';
import { errorText, useApi, type GroupDetail, type GroupSummary } from '../../infrastructure/api/index.js';

const lagText = (lag: number | null) => (lag === null ? '—' : lag.toLocaleString());

/** Consumer groups with their lag; one opened shows lag per partition, offset resets and deletion. */
export function GroupsPanel() {
  const api = useApi();
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [open, setOpen] = useState<GroupDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setGroups(await api.listGroups());
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  const show = useCallback(async (groupId: string) => {
    try {
      setOpen(await api.getGroup(groupId));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const remove = async (groupId: string) => {
    setDeleting(null);
    try {
      await api.deleteGroup(groupId);
      if (open?.groupId === groupId) setOpen(null);
      await refresh();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="panel groups-panel" aria-label="Consumer groups">
      <div className="topics-head">
        <h2>Consumer groups</h2>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => void Promise.all([refresh(), open ? show(open.groupId) : undefined])}>
          Refresh
        </button>
      </div>
      {error ? (
        <Notice tone="error">
          {error}
        </Notice>
      ) : null}
      {groups === null ? (
        <p className="muted">Loading…</p>
      ) : groups.length === 0 ? (
        <p className="muted">No consumer groups. Deployed pipelines read through groups named sluice-&lt;pipeline id&gt;.</p>
      ) : (
        <table className="data-table" aria-label="Groups">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">State</th>
              <th scope="col">Members</th>
              <th scope="col">Lag</th>
              <th scope="col">Topics</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.groupId} data-group={g.groupId} aria-selected={open?.groupId === g.groupId}>
                <td>
                  {g.groupId}
                  {g.pipelineId ? <div className="muted tb-small">pipeline {g.pipelineId}</div> : null}
                </td>
                <td>
                  <span className={`badge badge-group-${g.state.toLowerCase()}`}>{g.state}</span>
                </td>
                <td className="num">{g.members}</td>
                <td className="num" data-lag>
                  {lagText(g.lag)}
                </td>
                <td>{g.topics.join(', ')}</td>
                <td className="tb-actions">
                  <button type="button" className="btn btn-small" aria-label={`Details of ${g.groupId}`} onClick={() => void show(g.groupId)}>
                    Details
                  </button>
                  <button type="button" className="btn btn-small btn-danger" aria-label={`Delete group ${g.groupId}`} onClick={() => setDeleting(g.groupId)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {open ? (
        <div className="group-detail" aria-label={`Group ${open.groupId}`} role="region">
          <h3>
            {open.groupId} <span className="muted">· {open.state} · {open.members.length} members · lag {lagText(open.lag)}</span>
          </h3>
          <table className="data-table" aria-label="Lag per partition">
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Partition</th>
                <th scope="col">Committed</th>
                <th scope="col">Log end</th>
                <th scope="col">Lag</th>
                <th scope="col">Member</th>
              </tr>
            </thead>
            <tbody>
              {open.partitions.map((p) => (
                <tr key={`${p.topic}:${p.partition}`}>
                  <td>{p.topic}</td>
                  <td className="num">{p.partition}</td>
                  <td className="num">{p.currentOffset ?? '—'}</td>
                  <td className="num">{p.logEndOffset ?? '—'}</td>
                  <td className="num">{lagText(p.lag)}</td>
                  <td className="muted tb-small">{p.clientId ? `${p.clientId} (${p.host ?? ''})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ResetOffsetsForm
            group={open}
            onReset={() => {
              void show(open.groupId);
              void refresh();
            }}
          />
        </div>
      ) : null}

      <Dialog open={deleting !== null} title={`Delete group ${deleting ?? ''}?`} onClose={() => setDeleting(null)}>
        <p>Its committed offsets are deleted: consumers that join it again start where their offset reset policy says.</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setDeleting(null)}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary btn-danger-fill" onClick={() => deleting && void remove(deleting)}>
            Delete group
          </button>
        </div>
      </Dialog>
    </section>
  );
}
