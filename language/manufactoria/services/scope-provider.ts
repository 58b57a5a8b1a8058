import { AstUtils, DefaultScopeProvider, MapScope, type ReferenceInfo, type Scope } from 'langium';
import type { AstNode, AstNodeDescription } from 'langium';
import { Program } from '../generated/ast.js';

/**
 * Every target is looked up among the ids of its own program. The default provider scans the
 * program's symbols linearly for each reference; one map per parsed program keeps linking linear
 * for large programs. The first declaration of an id wins, like the reference's duplicate check.
 * A node named NONE is left out: the target NONE is the rejecting terminal and never runs it
 * (docs/manufactoria.md §5), so go-to-definition and references must not lead there.
 */
export class ManufactoriaScopeProvider extends DefaultScopeProvider {
    private readonly scopes = new WeakMap<Program, Scope>();

    override getScope(context: ReferenceInfo): Scope {
        const program = programOf(context.container);
        if (!program) return super.getScope(context);
        let scope = this.scopes.get(program);
        if (!scope) {
            const document = AstUtils.getDocument(program);
            const byName = new Map<string, AstNodeDescription>();
            for (const node of program.nodes) {
                if (node.name !== undefined && node.name !== 'NONE' && !byName.has(node.name)) byName.set(node.name, this.descriptions.createDescription(node, node.name, document));
            }
            scope = new MapScope(byName.values());
            this.scopes.set(program, scope);
        }
        return scope;
    }
}

/** The program around a node (AstUtils.getContainerOfType with isProgram, minus the reflection lookup per level). */
function programOf(node: AstNode | undefined): Program | undefined {
    for (let current = node; current; current = current.$container) {
        if (current.$type === Program.$type) return current as Program;
    }
    return undefined;
}
