import { ASTVisitor, FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext } from 'graphql';

/** Refuses operations nested deeper than maxDepth (a cheap guard against abusive queries). */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    // Depth of each fragment, computed once: fragments spreading others must not multiply the work.
    const fragmentDepths = new Map<string, number>();
    const fragmentDepth = (fragment: FragmentDefinitionNode, seen: Set<string>): number => {
      const known = fragmentDepths.get(fragment.name.value);
      if (known !== undefined) return known;
      const depth = depthOf(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      fragmentDepths.set(fragment.name.value, depth);
      return depth;
    };
    const depthOf = (selectionSet: SelectionSetNode, seen: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment && !seen.has(fragment.name.value)) deepest = Math.max(deepest, fragmentDepth(fragment, seen));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`查询嵌套过深（${depth} 层，最多 ${maxDepth} 层） (BAD_REQUEST)`, {
              nodes: [operation],
              extensions: { code: 'BAD_REQUEST' },
            }),
          );
        }
      },
    };
  };
}
