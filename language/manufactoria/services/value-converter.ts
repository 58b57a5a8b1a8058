import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** `[EMPTY]` is one token; the AST keeps just the condition name. */
export class ManufactoriaValueConverter extends DefaultValueConverter {
    override convert(input: string, cstNode: CstNode): ValueType {
        // Each value of this grammar is one token, so its type names the terminal: no grammar lookup.
        if ('tokenType' in cstNode) {
            switch ((cstNode.tokenType as { name: string }).name) {
                case 'COND': return input.slice(1, -1);
                case 'NODE_KIND': return input;
                case 'ID': return ValueConverter.convertID(input);
            }
        }
        return super.convert(input, cstNode);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'COND') return input.slice(1, -1);
        // What the default does for ID, without upper-casing the rule name for each of the thousands of ids.
        if (rule.name === 'ID') return ValueConverter.convertID(input);
        return super.runConverter(rule, input, cstNode);
    }
}
