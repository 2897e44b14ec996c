import { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** True when some field selected directly under the field being resolved (through fragments too) matches. */
function selectsAny(info: GraphQLResolveInfo, matches: (name: string) => boolean): boolean {
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((selection) => {
      if (selection.kind === 'Field') return matches(selection.name.value);
      if (selection.kind === 'InlineFragment') return inSet(selection.selectionSet);
      return inSet(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}

/** True when the query selects `name` directly under the field being resolved (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsAny(info, (selected) => selected === name);
}

/** True when the query selects, directly under the field being resolved, any field but these (e.g. more than a reference's key). */
export function selectsBeyond(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  return selectsAny(info, (selected) => !fields.includes(selected));
}
