import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** `[EMPTY]` is one token; the AST keeps just the condition name. */
export class ManufactoriaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'COND') return input.slice(1, -1);
        // What the default does for ID, without upper-casing the rule name for each of the thousands of ids.
        if (rule.name === 'ID') return ValueConverter.convertID(input);
        return super.runConverter(rule, input, cstNode);
    }
}
