import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** `[EMPTY]` is one token; the AST keeps just the condition name. */
export class ManufactoriaValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'COND') return input.slice(1, -1);
        return super.runConverter(rule, input, cstNode);
    }
}
