import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * A token's value by its terminal's name (each value of this grammar is one token), or undefined
 * for a terminal left to Langium's default. `[EMPTY]` is one token; the AST keeps just the condition
 * name. The parser's CST-less mode (services/parser.ts) converts with this too.
 */
export function terminalValue(terminal: string, image: string): ValueType | undefined {
    switch (terminal) {
        case 'COND': return image.slice(1, -1);
        case 'NODE_KIND':
        case 'INVALID_LINE': return image;
        case 'ID': return ValueConverter.convertID(image);
    }
    return undefined;
}

export class ManufactoriaValueConverter extends DefaultValueConverter {
    override convert(input: string, cstNode: CstNode): ValueType {
        // The token's type names the terminal: no grammar lookup.
        if ('tokenType' in cstNode) {
            const value = terminalValue((cstNode.tokenType as { name: string }).name, input);
            if (value !== undefined) return value;
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
