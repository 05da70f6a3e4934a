import { readSeedFrames } from '../../fixtures/seed-events';
import { describe, expect, it } from 'vitest';
import { diffObjects } from '../../../src/lib/json-diff';
import type { DiffEntry } from '../../../src/lib/json-diff';

// The DRP docs' websocket walkthrough: profile `global` saved with param bar, then without it.

const brief = (entries: DiffEntry[]) => entries.map(({ kind, path }) => `${kind} ${path}`);

describe('diffObjects', () => {
  it('finds exactly Params.bar removed between the two seed events', () => {
    const [first, second] = readSeedFrames().map((line) => JSON.parse(line) as { Object: unknown });
    expect(diffObjects(first.Object, second.Object)).toEqual([
      { path: 'Params.bar', segments: ['Params', 'bar'], kind: 'removed', before: 'blatz' },
    ]);
    expect(diffObjects(second.Object, first.Object)).toEqual([
      { path: 'Params.bar', segments: ['Params', 'bar'], kind: 'added', after: 'blatz' },
    ]);
  });

  it('reports no entries for structurally equal objects', () => {
    const make = () => ({ Name: 'global', Params: { a: [1, { b: null }] }, Errors: [] });
    expect(diffObjects(make(), make())).toEqual([]);
    expect(diffObjects(null, null)).toEqual([]);
  });

  it('reports added, removed and changed keys with their values', () => {
    const entries = diffObjects({ Stage: 'discover', Old: 1, Same: true }, { Stage: 'complete', Same: true, New: 'x' });
    expect(entries).toEqual([
      { path: 'Stage', segments: ['Stage'], kind: 'changed', before: 'discover', after: 'complete' },
      { path: 'New', segments: ['New'], kind: 'added', after: 'x' },
      { path: 'Old', segments: ['Old'], kind: 'removed', before: 1 },
    ]);
  });

  it('walks into nested objects and quotes keys that are not plain names', () => {
    const entries = diffObjects(
      { Params: { 'change-stage/map': { discover: 'a' }, 'odd key.x': 1 } },
      { Params: { 'change-stage/map': { discover: 'b' }, 'odd key.x': 2 } },
    );
    expect(brief(entries)).toEqual(['changed Params.change-stage/map.discover', 'changed Params["odd key.x"]']);
    expect(entries[1].segments).toEqual(['Params', 'odd key.x']);
  });

  it('treats null vs [] and null vs {} as a change of the whole value (nil vs empty Go slice)', () => {
    expect(diffObjects({ Errors: null }, { Errors: [] })).toEqual([
      { path: 'Errors', segments: ['Errors'], kind: 'changed', before: null, after: [] },
    ]);
    expect(brief(diffObjects({ Meta: {} }, { Meta: null }))).toEqual(['changed Meta']);
    expect(brief(diffObjects({ A: [] }, { A: {} }))).toEqual(['changed A']);
  });

  it('matches array items by Name, not by position', () => {
    const task = (Name: string, State: string) => ({ Name, ID: '', State });
    const entries = diffObjects(
      { Tasks: [task('a', 'ok'), task('foo', 'running'), task('c', 'ok')] },
      { Tasks: [task('new', 'created'), task('a', 'ok'), task('foo', 'failed'), task('c', 'ok')] },
    );
    expect(entries).toEqual([
      { path: 'Tasks[Name=new]', segments: ['Tasks', 0], kind: 'added', after: task('new', 'created') },
      { path: 'Tasks[Name=foo].State', segments: ['Tasks', 2, 'State'], kind: 'changed', before: 'running', after: 'failed' },
    ]);
  });

  it('prefers Uuid over Name, so a renamed machine is one change, and reports removals by identity', () => {
    const m = (Uuid: string, Name: string) => ({ Uuid, Name });
    const entries = diffObjects({ M: [m('u1', 'a'), m('u2', 'b'), m('u3', 'c')] }, { M: [m('u1', 'a'), m('u3', 'renamed')] });
    expect(entries).toEqual([
      { path: 'M[Uuid=u3].Name', segments: ['M', 1, 'Name'], kind: 'changed', before: 'c', after: 'renamed' },
      { path: 'M[Uuid=u2]', segments: ['M', 1], kind: 'removed', before: m('u2', 'b') },
    ]);
  });

  it('matches by ID or Id when that is the only identity, and ignores order-only changes', () => {
    expect(
      brief(
        diffObjects(
          {
            T: [
              { ID: 't1', v: 1 },
              { ID: 't2', v: 1 },
            ],
          },
          {
            T: [
              { ID: 't2', v: 1 },
              { ID: 't1', v: 2 },
            ],
          },
        ),
      ),
    ).toEqual(['changed T[ID=t1].v']);
    expect(diffObjects({ P: [{ Id: 1 }, { Id: 2 }] }, { P: [{ Id: 2 }, { Id: 1 }] })).toEqual([]);
  });

  it('falls back to positions when identities are duplicated or missing', () => {
    const entries = diffObjects(
      {
        L: [
          { Name: 'x', v: 1 },
          { Name: 'x', v: 2 },
        ],
      },
      {
        L: [
          { Name: 'x', v: 1 },
          { Name: 'x', v: 3 },
        ],
      },
    );
    expect(brief(entries)).toEqual(['changed L[1].v']);
    expect(brief(diffObjects({ L: [{ v: 1 }] }, { L: [{ v: 1 }, { v: 2 }] }))).toEqual(['added L[1]']);
  });

  it('aligns arrays of strings so one insertion or removal is one entry', () => {
    expect(diffObjects({ Profiles: ['a', 'b', 'c'] }, { Profiles: ['a', 'x', 'b', 'c'] })).toEqual([
      { path: 'Profiles[1]', segments: ['Profiles', 1], kind: 'added', after: 'x' },
    ]);
    expect(diffObjects({ Profiles: ['a', 'b', 'c'] }, { Profiles: ['a', 'c'] })).toEqual([
      { path: 'Profiles[1]', segments: ['Profiles', 1], kind: 'removed', before: 'b' },
    ]);
    expect(brief(diffObjects({ Tasks: ['a', 'b', 'c'] }, { Tasks: ['a', 'B', 'c'] }))).toEqual(['changed Tasks[1]']);
  });

  it('reports a root value change with an empty path', () => {
    expect(diffObjects('a', 'b')).toEqual([{ path: '', segments: [], kind: 'changed', before: 'a', after: 'b' }]);
  });
});
