/** Row colour family per action (docs/reference/drp-protocol.md §4.2: create, update, save, delete; everything else grey). */
export type ActionTone = 'create' | 'update' | 'save' | 'delete' | 'other';

export function actionToneOf(action: string): ActionTone {
  switch (action) {
    case 'create':
    case 'update':
    case 'save':
    case 'delete':
      return action;
    default:
      return 'other';
  }
}
