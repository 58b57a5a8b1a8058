import { DefaultScopeComputation, type AstNodeDescription } from 'langium';

/** Node ids are local to their program: nothing is exported to other documents. */
export class ManufactoriaScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(): Promise<AstNodeDescription[]> {
        return [];
    }
}
