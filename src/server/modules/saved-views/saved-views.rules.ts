/** A saved view as the access rules read it. */
export interface ViewAccessSubject { ownerId: string; isShared: boolean }

/** Who sees a view: its owner always; everyone in the workspace when it is shared. */
export function maySeeView(view: ViewAccessSubject, actorId: string): boolean {
  return view.ownerId === actorId || view.isShared;
}

/** Who may rename, re-share, change or delete a view: its creator, or an administrator when it is shared. */
export function mayEditView(view: ViewAccessSubject, actor: { id: string; mayManageShared: boolean }): boolean {
  return view.ownerId === actor.id || (view.isShared && actor.mayManageShared);
}
