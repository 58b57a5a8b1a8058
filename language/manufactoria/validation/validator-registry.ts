import type { ValidationChecks } from 'langium';
import type { ManufactoriaAstType } from '../generated/ast.js';
import type { ManufactoriaServices } from '../manufactoria-module.js';
import { checkGraphWarnings } from './graph-warnings.js';
import { checkReferenceRules } from './reference-validator.js';

/** Registers the Manufactoria checks, each concern in its own file. */
export function registerValidationChecks(services: ManufactoriaServices): void {
    const checks: ValidationChecks<ManufactoriaAstType> = {
        Program: [checkReferenceRules, checkGraphWarnings],
    };
    services.validation.ValidationRegistry.register(checks);
}
